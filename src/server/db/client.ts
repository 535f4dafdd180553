import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** One type for both drivers: the code never knows which engine it runs on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services pass it to repositories and the audit log. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Run migrations (idempotent). */
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The PGlite instance, when embedded (tests clone it). */
  pglite?: PGlite;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens the database named by the config: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(opts: {
  url?: string;
  pgliteDir?: string;
  pglite?: PGlite;
}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle client that the server drops (restart, admin termination) emits on the pool; without a
    // listener that would crash the process. The pool discards the client and the next query reconnects.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      migrate: async () => {
        await migratePg(db as never, { migrationsFolder });
      },
      ping: () => ping(db),
      close: () => pool.end(),
    };
  }
  let client = opts.pglite;
  if (!client) {
    const dir = opts.pgliteDir;
    if (dir && dir !== 'memory://') mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir && dir !== 'memory://' ? dir : undefined);
  }
  const instance = client;
  const db = drizzlePglite({ client: instance, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: instance,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    ping: () => ping(db),
    close: async () => {
      if (!instance.closed) await instance.close();
    },
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
