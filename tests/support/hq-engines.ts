// HQ's tests run on both database engines: SQLite (embedded, the default) and PostgreSQL (the
// run's throw-away server, pg-global-setup.ts). The same test files run twice — in the `unit`
// project on SQLite and in the `hq-postgres` project, which sets HQ_TEST_ENGINE=postgres
// (vitest.config.ts) — and each HQ under test gets its own database.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { HqKeySource } from '../../hq/keys/hq-keys.ts';
import { ROOT } from '../../scripts/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's throw-away PostgreSQL (pg-global-setup.ts), in the projects that start one. */
    pgAdminUrl: string;
  }
}

export const HQ_ENGINES = ['sqlite', 'postgres'] as const;
export type HqEngine = (typeof HQ_ENGINES)[number];

/** The engine this test run's HQs use. */
export const HQ_TEST_ENGINE: HqEngine = process.env.HQ_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** What HQ processes under test are started with (HQ_PASSPHRASE). */
export const TEST_HQ_PASSPHRASE = 'test-hq-passphrase-2026';

/** In-process HQs skip the passphrase's scrypt: a master key given directly. */
export const testHqKey = (): HqKeySource => ({ masterKey: randomBytes(32) });

/** A fresh database for one HQ: a postgres:// URL, or undefined for SQLite in its data folder. */
export function testHqDatabase(engine: HqEngine = HQ_TEST_ENGINE): string | undefined {
  if (engine === 'sqlite') return undefined;
  const admin = inject('pgAdminUrl');
  if (!admin)
    throw new Error('no test PostgreSQL: run in the hq-postgres or e2e project (tests/support/pg-global-setup.ts)');
  const name = `hq_${randomBytes(6).toString('hex')}`;
  // Synchronous (a child process), so that data folders can be made where tests make them.
  execFileSync(
    process.execPath,
    [
      '-e',
      `const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1] });
       c.connect().then(() => c.query('CREATE DATABASE ${name}')).then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });`,
      admin,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}
