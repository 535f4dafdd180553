import { existsSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { testConfig, type Config } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { seedDemo } from '../../src/server/seed/demo.js';

/**
 * The real application on a random local port: built web files, a fresh in-memory PGlite database with
 * the demo region. The web app is built once per run (vite build) unless E2E_SKIP_BUILD is set and a
 * build exists. E2E_WEB_DIST names another build directory (default `dist/web`), so that two runs on one
 * machine do not overwrite each other's files.
 */
export interface RunningApp {
  url: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

const WEB_DIST = path.resolve(process.env.E2E_WEB_DIST ?? 'dist/web');

let built = false;
export function buildWeb() {
  if (built) return;
  if (process.env.E2E_SKIP_BUILD && existsSync(`${WEB_DIST}/index.html`)) {
    built = true;
    return;
  }
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', WEB_DIST, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  built = true;
}

/** `overrides` change settings of the test configuration, e.g. a temporary EVIDENCE_DIR. */
export async function startApp(overrides: Partial<Config> = {}): Promise<RunningApp> {
  buildWeb();
  const database = await openDatabase({});
  await database.migrate();
  await seedDemo(database);
  const config = testConfig({
    WEB_DIST_DIR: WEB_DIST,
    LOGIN_RATE_PER_MINUTE: 1000,
    PUBLIC_URL: 'http://127.0.0.1',
    ...overrides,
  });
  const app = await buildApp({ database, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
