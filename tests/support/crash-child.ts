// The parent's side of the crash tests: runs a child script (tests/support/*) and kills it with
// SIGKILL, either at a named kill point (kill-points.ts: the child announces it and, if held,
// waits there to be killed) or at a timed moment after a line of its output. The child's stdout
// lines reach `onLine` as they come, so that the test can record what was acknowledged.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/build.ts';

export type KillPlan =
  /** At a kill point: held (the kill lands exactly there) or not (it lands in what follows, `delayMs` later). */
  | { at: string; hold: boolean; delayMs?: number }
  /** `ms` after the first line `after` matches (the way the crash tests used to kill at random moments). */
  | { after: (line: string) => boolean; ms: number };

export interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Whether the named kill point was reached (always false for a timed plan). */
  reachedPoint: boolean;
}

/** Starts `tests/support/<script>` with `args` and kills it as planned; resolves when it has exited. */
export function runAndKill(
  script: string,
  args: string[],
  plan: KillPlan,
  onLine: (line: string) => void = () => {},
): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const atPoint = 'at' in plan;
    const child = spawn(process.execPath, [join(ROOT, 'tests', 'support', script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: atPoint ? { ...process.env, KILL_AT: plan.at, KILL_HOLD: plan.hold ? '1' : '0' } : process.env,
    });
    let buf = '';
    let timer: NodeJS.Timeout | undefined;
    let reachedPoint = false;
    const kill = () => child.kill('SIGKILL');
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        if (l.startsWith('kill-point ')) {
          reachedPoint = true;
          if (atPoint && !plan.delayMs) kill();
          else if (atPoint) timer ??= setTimeout(kill, plan.delayMs);
          continue;
        }
        if (!atPoint && !timer && plan.after(l)) timer = setTimeout(kill, plan.ms);
        onLine(l);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, reachedPoint });
    });
  });
}
