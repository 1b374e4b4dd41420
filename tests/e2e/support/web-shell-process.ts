// Runs the real web shell as a child process — exactly what `npm run web` runs — and waits for
// its readiness line (never a sleep).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/build.ts';

export interface ShellProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  output: () => string;
  /** Graceful stop (SIGTERM), waiting for exit. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL), as a crash or power cut would. */
  kill(): Promise<void>;
}

/** `env`: variables added to the shell's environment (test hooks such as WXZF_IDLE_UNIT_MS). */
export function startShell(
  dataDir: string,
  timeoutMs = 60_000,
  env: Record<string, string> = {},
): Promise<ShellProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'web.ts'), '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web shell not ready after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited (${code}) before ready:\n${out}`));
    };
    child.once('exit', early);
    child.stdout!.on('data', () => {
      const m = /^web shell ready: (\S+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.off('exit', early);
      const url = m[1]!;
      resolve({
        url,
        origin: new URL(url).origin,
        child,
        output: () => out,
        stop: () => end('SIGTERM'),
        kill: () => end('SIGKILL'),
      });
    });
  });
}
