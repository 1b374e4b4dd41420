// startup-web-shell: time from spawning `node scripts/web.ts` on a set-up data folder until the
// web shell answers an API call, against a bare Node HTTP server spawned the same way and
// answering one request.
//
// A set-up device starts locked (core/vault/vault.ts): the first answer is app.status with
// `lock.locked: true`, given before any password (the database is opened by the unlock). "Ready"
// keeps its meaning — spawn → first API answer, the lock screen can be drawn — and does not include
// unlocking, whose cost is mostly the deliberate scrypt of the officer's password; that figure
// (spawn → lock.unlock answered) is printed beside it for information.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../scripts/build.ts';
import { BENCH_OFFICERS, dataFolderWithInquiry } from './fixtures.ts';
import { median, result, round, type Benchmark } from './harness.ts';

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('{}')).listen(0, '127.0.0.1', function () { console.log('ready: http://127.0.0.1:' + this.address().port + '/'); });`;

/** Spawns, waits for the ready line, runs `request` (which must end with the answer read); returns ms from spawn to the answer. */
async function timeToFirstAnswer(
  args: string[],
  readyPattern: RegExp,
  request: (url: string) => Promise<void>,
): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = readyPattern.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    await request(url);
    return performance.now() - start;
  } finally {
    child.kill('SIGKILL');
  }
}

async function apiCall(
  url: string,
  name: string,
  arg: unknown,
): Promise<{ ok: boolean; value?: { lock?: { locked: boolean } }; error?: { message: string } }> {
  const u = new URL(url);
  const token = u.hash.replace('#token=', '');
  const res = await fetch(`${u.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-token': token },
    body: JSON.stringify(arg),
  });
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return (await res.json()) as { ok: boolean; value?: { lock?: { locked: boolean } }; error?: { message: string } };
}

export const startupWebShell: Benchmark = {
  name: 'startup-web-shell',
  description: 'web shell on a set-up data folder: spawn → first API answer (app.status, answered locked)',
  async run() {
    const runs = 5;
    const shell: number[] = [];
    const unlocked: number[] = [];
    const bare: number[] = [];
    const prepared = await dataFolderWithInquiry(1);
    const [officer] = BENCH_OFFICERS;
    const web = (dir: string) => [join(ROOT, 'scripts', 'web.ts'), '--port', '0', '--data', dir];
    const ready = /web shell ready: (\S+)/;
    try {
      for (let i = 0; i < runs; i++) {
        // A fresh copy each time: every start finds the folder as set-up left it.
        const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
        cpSync(prepared.dir, dir, { recursive: true });
        shell.push(
          await timeToFirstAnswer(web(dir), ready, async (url) => {
            const r = await apiCall(url, 'app.status', {});
            if (!r.ok || r.value?.lock?.locked !== true)
              throw new Error(`expected the locked status, got ${JSON.stringify(r)}`);
          }),
        );
        rmSync(dir, { recursive: true, force: true });
        cpSync(prepared.dir, dir, { recursive: true });
        unlocked.push(
          await timeToFirstAnswer(web(dir), ready, async (url) => {
            const r = await apiCall(url, 'lock.unlock', { certNo: officer!.certNo, password: officer!.password });
            if (!r.ok || r.value?.lock?.locked !== false) throw new Error(`lock.unlock: ${JSON.stringify(r)}`);
          }),
        );
        rmSync(dir, { recursive: true, force: true });
        bare.push(
          await timeToFirstAnswer(['-e', BARE_SERVER], /ready: (\S+)/, async (url) => {
            const res = await fetch(url);
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            await res.text();
          }),
        );
      }
    } finally {
      rmSync(prepared.dir, { recursive: true, force: true });
    }
    console.log(
      `  (for information: spawn → lock.unlock answered, database open: ${round(median(unlocked))} ms, median of ${runs})`,
    );
    return [
      result(
        'startup-web-shell',
        'ms',
        median(shell),
        `bare node:http server spawned the same way (median of ${runs})`,
        median(bare),
      ),
    ];
  },
};
