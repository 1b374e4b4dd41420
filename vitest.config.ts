import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Node's compile cache for every process the tests start (the crash tests' children, HQ, the web
// shell) and for vitest's workers: the V8 code of each module Node loads, TypeScript included, is
// kept on disk and checked against the source, so a process after the first starts in about half
// the CPU time. Set here, before vitest starts its workers, which inherit it with their children.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, 'node_modules', '.cache', 'node-compile-cache');

// Unit and integration tests live next to the code they test (*.test.ts); end-to-end journeys
// live in tests/e2e and run in a separate project with longer timeouts (they start real servers
// and a real Chromium).
/** HQ's tests: run in `unit` on SQLite and in `hq-postgres` on PostgreSQL. */
const HQ_TESTS = ['hq/**/*.test.ts', 'tests/integration/sync*.test.ts', 'tests/integration/hq-*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{core,protocol,shared,web-shell,electron,hq,scripts,bench,tests/integration}/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
          // Two files at a time on this 2-core machine (vitest's default is cores − 1 = 1): much of
          // a file's time is spent waiting (fsync, child processes, real servers), not computing.
          maxWorkers: 2,
          testTimeout: 30_000,
          // Set-up hooks start real HQ processes and derive scrypt keys: on a loaded 2-core
          // machine the default 10 s is not enough (hq-recovery's beforeAll once took longer).
          hookTimeout: 60_000,
        },
      },
      {
        // HQ's tests again, on PostgreSQL: one throw-away server for the run (tests/support/postgres.ts),
        // a fresh database for each HQ (tests/support/hq-engines.ts).
        test: {
          name: 'hq-postgres',
          include: HQ_TESTS,
          environment: 'node',
          env: { HQ_TEST_ENGINE: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/support/pg-global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two journeys at a time: a journey mostly waits on the browser and its server, and the
          // project ran ~8 min one file after another (the seven-type case walk alone ~100 s).
          // Each journey has its own data folder, web shell port and HQ database.
          maxWorkers: 2,
          // HQ in the journeys (sync.e2e.ts) runs on PostgreSQL.
          env: { HQ_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/e2e/global-setup.ts', 'tests/support/pg-global-setup.ts'],
        },
      },
    ],
  },
});
