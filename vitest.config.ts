import { defineConfig } from 'vitest/config';

// Unit and integration tests live next to the code they test (*.test.ts); end-to-end journeys
// live in tests/e2e and run in a separate project with longer timeouts (they start real servers
// and a real Chromium).
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
          testTimeout: 30_000,
          // Set-up hooks start real HQ processes and derive scrypt keys: on a loaded 2-core
          // machine the default 10 s is not enough (hq-recovery's beforeAll once took longer).
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
