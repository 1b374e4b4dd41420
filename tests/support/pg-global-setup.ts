// vitest globalSetup: one throw-away PostgreSQL for the whole run (tests/support/postgres.ts),
// stopped and removed at the end whether the tests passed or not. Tests reach it through
// inject('pgAdminUrl') and make their own database on it (hq-engines.ts).
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.ts';
import './hq-engines.ts'; // the type of what it provides

export default async function setup(project: TestProject): Promise<() => void> {
  const pg = await startTestPostgres();
  project.provide('pgAdminUrl', pg.adminUrl);
  const stop = () => pg.stop();
  process.once('exit', stop); // also when vitest is interrupted
  return stop;
}
