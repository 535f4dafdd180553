import { defineConfig } from 'vitest/config';

/**
 * Three tiers in one runner: fast pure unit tests beside the code, integration tests through
 * app.inject on PGlite (and PostgreSQL when TEST_DATABASE_URL is set), and browser journeys in the
 * system Chromium.
 */
function integration(engine: 'pglite' | 'postgres') {
  return {
    test: {
      name: engine === 'pglite' ? 'integration' : 'integration-postgres',
      include: ['test/integration/**/*.test.ts'],
      environment: 'node',
      env: { TEST_ENGINE: engine },
      // PGlite templates are built per worker (test/support/db.ts); PostgreSQL needs one per run.
      globalSetup: engine === 'postgres' ? ['test/support/global-setup.ts'] : [],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: 'forks' as const,
      maxWorkers: 2,
      sequence: { groupOrder: engine === 'pglite' ? 1 : 2 },
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          // Some unit tests read city-sized inputs (400,000 attlog lines): generous on a busy machine.
          testTimeout: 30_000,
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      integration('pglite'),
      // Both engines in one run when a PostgreSQL server is named (CI sets it).
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres')] : []),
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
