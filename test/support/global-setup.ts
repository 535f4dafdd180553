import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client.js';

/**
 * On PostgreSQL (TEST_DATABASE_URL set) builds one migrated template database per run; each test
 * file then gets its own copy (CREATE DATABASE ... TEMPLATE), and everything is dropped at the end.
 * Only the PostgreSQL project uses it; on PGlite each worker builds its own template (see db.ts).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
    pgRunId: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  project.provide('pgRunId', runId);
  if (!url) {
    project.provide('pgTemplate', null);
    return;
  }
  const template = `lk_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const u = new URL(url);
  u.pathname = `/${template}`;
  const database = await openDatabase({ url: u.toString() });
  await database.migrate();
  await database.close();
  project.provide('pgTemplate', template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`lk_%${runId}%`],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  };
}
