// The chain verified on a pool of worker threads gives exactly what verifySealRows gives on this
// thread, on a genuine chain and on each tampered one; a worker that dies or throws is reported as
// a failed check of its seals, in Chinese, never as a pass; and an unclosed pool never keeps a
// process from exiting.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../runtime/worker-pool.ts';
import { verifySealRows, type SealRowsCheck } from './seal-chain.ts';
import { verifySealRowsParallel } from './seal-chain-parallel.ts';
import { sealChain, tamperedChains } from '../../tests/support/seal-chain-fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const pool = new WorkerPool(new URL('./seal-chain.ts', import.meta.url), 2);
afterAll(() => pool.close());

const plain = (r: SealRowsCheck) => ({ chain: r.chain, perSeal: [...r.perSeal.entries()] });
const failures = (r: SealRowsCheck) => r.chain.length + [...r.perSeal.values()].filter((s) => s.problems.length).length;

describe('verifying a chain on worker threads', () => {
  it('gives the same result as on one thread, on a genuine chain and on every tampered one', async () => {
    const { device, cases } = tamperedChains();
    expect(cases.size).toBeGreaterThan(10);
    for (const [name, rows] of cases) {
      const single = verifySealRows(rows, device);
      const pooled = await verifySealRowsParallel(rows, device, pool);
      expect(plain(pooled), name).toEqual(plain(single));
      // And each tampering is found (the equality above would also hold if both missed it).
      if (name === 'genuine') expect(failures(single), name).toBe(0);
      else expect(failures(single), name).toBeGreaterThan(0);
    }
    // Without the device (a chain checked on its own): the same too.
    const rows = cases.get('other-device')!;
    expect(plain(await verifySealRowsParallel(rows, undefined, pool))).toEqual(plain(verifySealRows(rows, undefined)));
  });

  it('a worker that dies or throws fails the seals it was checking, in Chinese; the pool goes on', async () => {
    const { device, rows } = sealChain(40);
    // The real check, except that seal 7 ends its thread and seal 23 throws (tests/support/crashing-seal-check.ts).
    const crashing = new WorkerPool(new URL('../../tests/support/crashing-seal-check.ts', import.meta.url), 2);
    try {
      const r = await verifySealRowsParallel(rows, device, crashing);
      const failed = [...r.perSeal.entries()].filter(([, s]) => s.problems.length).map(([seq]) => seq);
      expect(failed).toContain(7);
      expect(failed).toContain(23);
      expect(failed.length).toBeLessThan(rows.length); // the other slices were checked, and passed
      expect(r.perSeal.get(7)!.problems.join()).toMatch(/^核验未能完成（核验线程异常退出（退出码 3））.*不能视为通过/);
      expect(r.perSeal.get(23)!.problems.join()).toMatch(/^核验未能完成（Error: 模拟的核验错误）/);
      for (const [seq, s] of r.perSeal) if (!failed.includes(seq)) expect(s.problems).toEqual([]);
      // The thread that died was replaced: the next chain is checked in full.
      const again = await verifySealRowsParallel(rows.slice(0, 6), device, crashing);
      expect(failures(again)).toBe(0);
    } finally {
      await crashing.close();
    }
  });

  it('a closed pool refuses, and a pool nobody closes does not keep the process alive', async () => {
    const p = new WorkerPool(new URL('./seal-chain.ts', import.meta.url), 1);
    await p.close();
    const { device, rows } = sealChain(2);
    const r = await verifySealRowsParallel(rows, device, p);
    expect(r.perSeal.get(1)!.problems.join()).toMatch(/核验线程池已关闭/);
    // A process that verifies on the shared pool and never closes it exits by itself, with the result.
    const child = spawnSync(process.execPath, [join(ROOT, 'tests/support/pool-exit-child.ts')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout.trim()).toBe('3 seals, 0 problems');
  });
});
