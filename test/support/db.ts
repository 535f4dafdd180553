import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client.js';

/**
 * A fresh, migrated database for one test file: a clone of a per-worker PGlite template, or a copy
 * of the run's PostgreSQL template when TEST_DATABASE_URL is set. No two test files share one.
 */
const g = globalThis as { __lkTemplate?: Promise<PGlite> };

async function pgliteTemplate(): Promise<PGlite> {
  g.__lkTemplate ??= (async () => {
    const db = await openDatabase({});
    await db.migrate();
    return db.pglite!;
  })();
  return g.__lkTemplate;
}

let counter = 0;

export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_ENGINE === 'postgres') {
    const template = inject('pgTemplate');
    if (!url || !template) throw new Error('PostgreSQL tests need TEST_DATABASE_URL and the global setup');
    const name = `lk_t_${inject('pgRunId')}_${process.pid}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString() });
    const close = database.close;
    database.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
    return database;
  }
  const clone = await (await pgliteTemplate()).clone();
  return openDatabase({ pglite: clone as PGlite });
}
