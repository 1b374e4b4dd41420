// startup-web-shell: time from spawning `node scripts/web.ts` until the web shell answers an API
// call, against a bare Node HTTP server spawned the same way and answering one request.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../scripts/build.ts';
import { median, result, type Benchmark } from './harness.ts';

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('{}')).listen(0, '127.0.0.1', function () { console.log('ready: http://127.0.0.1:' + this.address().port + '/'); });`;

async function timeToFirstAnswer(args: string[], readyPattern: RegExp, request: (url: string) => Promise<Response>): Promise<number> {
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
    const res = await request(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await res.text();
    return performance.now() - start;
  } finally {
    child.kill('SIGKILL');
  }
}

export const startupWebShell: Benchmark = {
  name: 'startup-web-shell',
  description: 'web shell: spawn → first API answer',
  async run() {
    const runs = 5;
    const shell: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
      shell.push(
        await timeToFirstAnswer([join(ROOT, 'scripts', 'web.ts'), '--port', '0', '--data', dir], /web shell ready: (\S+)/, (url) => {
          const u = new URL(url);
          const token = u.hash.replace('#token=', '');
          return fetch(`${u.origin}/api/app.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-token': token }, body: '{}' });
        }),
      );
      rmSync(dir, { recursive: true, force: true });
      bare.push(await timeToFirstAnswer(['-e', BARE_SERVER], /ready: (\S+)/, (url) => fetch(url)));
    }
    return [result('startup-web-shell', 'ms', median(shell), 'bare node:http server spawned the same way (median of 5)', median(bare))];
  },
};
