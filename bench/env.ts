import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './child.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
  };
}

/** The installed version of a package, read from its package.json under node_modules. */
export function packageVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'))
      .version;
  } catch {
    return 'unknown';
  }
}

/** `select version()` of a PostgreSQL server, or null when it cannot be reached within a few seconds. */
export async function postgresVersion(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>('select version() as version');
    return rows[0]?.version ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** "PostgreSQL 17.5 on x86_64-pc-linux-gnu, compiled by ..." -> "PostgreSQL 17.5". */
export const shortVersion = (v: string | null | undefined) =>
  v ? (v.match(/^PostgreSQL \S+/)?.[0] ?? v) : null;
