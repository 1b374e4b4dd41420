// `npm test`: every check — lint, typecheck, the static security scan, unit + integration +
// end-to-end (vitest), and the Electron smoke test where an Electron binary exists. Ends with the
// plain line `N passed, N failed` (lint, each typecheck and the security scan count as one test each);
// what was skipped, and why, is in the notes just above it. Exit code 0 only if none failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { buildRenderer, rendererIsStale, ROOT } from './build.ts';

let passed = 0;
let failed = 0;
let skipped = 0;
const notes: string[] = [];
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

// The tools' `#!/usr/bin/env node` must find this Node (24), not an older one earlier on PATH.
const PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;

function step(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH, ...env } });
  return r.status ?? 1;
}

interface Check {
  /** Counted under this name. */
  name: string;
  title: string;
  cmd: string;
  args: string[];
}

/**
 * The static checks, two at a time (each is one busy process; this machine has 2 cores): each
 * one's output is held and printed whole, in the listed order, so the log reads as if they had
 * run one after the other.
 */
async function checks(list: Check[], parallel = 2): Promise<void> {
  const run = (c: Check) =>
    new Promise<{ status: number; output: string }>((resolve) => {
      const child = spawn(c.cmd, c.args, { cwd: ROOT, env: { ...process.env, PATH } });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', (e) => resolve({ status: 1, output: output + String(e) + '\n' }));
      child.on('close', (code) => resolve({ status: code ?? 1, output }));
    });
  const started: Promise<{ status: number; output: string }>[] = [];
  let next = 0;
  const startNext = () => {
    if (next < list.length) started.push(run(list[next++]!));
  };
  for (let i = 0; i < parallel; i++) startNext();
  for (const [i, c] of list.entries()) {
    const r = await started[i]!;
    startNext();
    console.log(`\n=== ${c.title}`);
    process.stdout.write(r.output);
    count(c.name, r.status);
  }
}

function count(title: string, status: number) {
  if (status === 0) passed++;
  else {
    failed++;
    notes.push(`${title}: FAILED`);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name: string; assertionResults?: { status: string; ancestorTitles: string[]; title: string }[] }[];
}

/** The describe blocks (or tests) that did not run, each once, with their file. */
function skippedGroups(r: VitestJson): string[] {
  const groups = new Set<string>();
  for (const file of r.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'passed' || a.status === 'failed') continue;
      groups.add(`${a.ancestorTitles[0] ?? a.title} (${relative(ROOT, file.name)})`);
    }
  }
  return [...groups];
}

const only = process.argv.slice(2); // e.g. `npm test -- e2e` runs one vitest project
if (only.length === 0) {
  await checks([
    { name: 'lint', title: 'lint (eslint)', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
    {
      name: 'typecheck (node)',
      title: 'typecheck: core, shells, tests',
      cmd: bin('tsc'),
      args: ['-p', 'tsconfig.json'],
    },
    {
      name: 'typecheck (browser tests)',
      title: 'typecheck: end-to-end and Electron tests',
      cmd: bin('tsc'),
      args: ['-p', 'tsconfig.e2e.json'],
    },
    {
      name: 'typecheck (renderer)',
      title: 'typecheck: renderer',
      cmd: bin('tsc'),
      args: ['-p', 'tsconfig.renderer.json'],
    },
    {
      name: 'format',
      title: 'format (prettier --check; `npm run format` fixes)',
      cmd: bin('prettier'),
      args: ['--check', '.'],
    },
    {
      name: 'security scan',
      title: 'security scan (electronegativity, docs/SECURITY.md)',
      cmd: process.execPath,
      args: [join(ROOT, 'scripts', 'security-scan.ts')],
    },
  ]);
}

if (rendererIsStale()) {
  console.log('\n=== building the renderer for the end-to-end tests');
  await buildRenderer();
}

const results = join(ROOT, 'test-results');
mkdirSync(results, { recursive: true });
// The projects run one after the other: the end-to-end journeys drive a real browser against a
// real server and must not compete for the CPU with the crash and PDF rendering tests (2 cores).
// hq-postgres runs HQ's tests again with HQ's database on PostgreSQL (vitest.config.ts).
const projects = only.length ? only : ['unit', 'hq-postgres', 'e2e'];
for (const project of projects) {
  const jsonFile = join(results, `vitest-${project}.json`);
  rmSync(jsonFile, { force: true });
  const status = step(`vitest ${project}`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
  ]);
  if (existsSync(jsonFile)) {
    const r = JSON.parse(readFileSync(jsonFile, 'utf8')) as VitestJson;
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    const notRun = r.numPendingTests + r.numTodoTests;
    skipped += notRun;
    // The groups' titles say why they skip (e.g. "… skipped where mounting is not permitted").
    if (notRun) notes.push(`vitest ${project}: ${notRun} skipped — ${skippedGroups(r).join('; ')}`);
    if (status !== 0 && r.numFailedTests === 0) {
      failed++;
      notes.push(`vitest ${project} exited with status ${status} (errors outside tests: see above)`);
    }
  } else {
    failed++;
    notes.push(`vitest ${project} produced no results file`);
  }
}

if (only.length === 0) {
  console.log('\n=== Electron smoke test');
  const s = spawnSync(process.execPath, [join(ROOT, 'tests', 'electron', 'smoke.ts')], { cwd: ROOT, stdio: 'inherit' });
  if (s.status === 0) passed++;
  else if (s.status === 77) {
    skipped++;
    notes.push('Electron smoke test NOT RUN: no Electron binary can be had on this machine (not counted as passed)');
  } else {
    failed++;
    notes.push('Electron smoke test: FAILED');
  }
}

console.log('');
// Skipped tests are neither passed nor failed: they are named in the notes, never in the closing
// line, which stays the plain `N passed, N failed` that scripts and people read (README).
if (skipped) notes.push(`${skipped} skipped in all (not counted as passed or failed; why: the lines above)`);
for (const n of notes) console.log(n);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
