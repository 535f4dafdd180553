import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { testConfig, type Config } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { announceApp } from './protocol.js';

/**
 * B1: the real application, as the e2e tests start it: a fresh database (in-memory PGlite, or the
 * PostgreSQL database the parent created for this run) with the demo region, on a random local port.
 * Environment: BENCH_ENGINE (pglite|postgres), BENCH_DATABASE (PostgreSQL URL), BENCH_APP_LOG_LEVEL.
 */
const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const url = engine === 'postgres' ? process.env.BENCH_DATABASE : undefined;
if (engine === 'postgres' && !url) throw new Error('BENCH_DATABASE is required for the postgres engine');

const database = await openDatabase(url ? { url } : {});
await database.migrate();
await seedDemo(database);

const logLevel = (process.env.BENCH_APP_LOG_LEVEL ?? 'silent') as Config['LOG_LEVEL'];
const config = testConfig({
  LOG_LEVEL: logLevel,
  // The benchmark logs in once per engine; the limit only has to stay out of the way.
  LOGIN_RATE_PER_MINUTE: 10_000,
  PUBLIC_URL: 'http://127.0.0.1',
});
const app = await buildApp({ database, config });
await app.listen({ host: '127.0.0.1', port: 0 });

const result = (await database.db.execute(sql`select version() as version`)) as unknown as {
  rows: { version: string }[];
};
announceApp(app, database, {
  engine: database.engine,
  databaseVersion: result.rows[0]?.version ?? 'unknown',
});
