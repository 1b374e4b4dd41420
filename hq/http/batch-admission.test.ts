// HQ reads at most `batchSlots` seal batches at once (batch-admission.ts), through the real HTTP
// server with one slot, on this run's engine: a batch whose body has not arrived holds the slot, so
// a complete batch behind it is not read (it would be refused at once for its broken JSON); a
// client that gives up while waiting leaves the queue without taking a slot; when the holder goes
// away, the next batch is read and answered; and no slot is lost — the batches after it are
// answered too. A real device's sync through a server with one slot completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, sha256Hex } from '../../protocol/sync/protocol.ts';
import { makeCore, type TestCore } from '../../tests/support/core-fixture.ts';
import { HQ_TEST_ENGINE, testHqDatabase, testHqKey } from '../../tests/support/hq-engines.ts';
import { openRequest, type RawRequest, type TestDevice, enrolledDeviceAt } from '../../tests/support/hq-fixture.ts';
import { sealedDevice } from '../../tests/support/sync-fixture.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHq, type HqApp } from '../hq-app.ts';
import { startHqServer, type HqServer } from './hq-server.ts';
import { BatchAdmission } from './batch-admission.ts';

let dir: string;
let hq: HqApp;
let server: HqServer;
let d: TestDevice;
let t: TestCore | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'field-hq-admission-'));
  const db = testHqDatabase();
  hq = await openHq({ dataDir: dir, key: testHqKey(), ...(db ? { db } : {}) });
  server = await startHqServer({ hq, port: 0, log: () => {}, batchSlots: 1 });
  d = await enrolledDeviceAt(server.url, (await hq.devices.createCode('test', '', '')).code);
});

afterAll(async () => {
  t?.dispose();
  await server?.close();
  await hq?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const PATH = `${API}/seals/batch?count=1`;
/** A batch whose body is not JSON: read, it is refused at once (400). */
const BROKEN = Buffer.from('{"format":"wangxin-sync-batch/1","packages":[', 'utf8');

/** A signed batch request with its headers sent; the body written now (`whole`) or never. */
function batch(whole: boolean): RawRequest {
  const r = openRequest(server.url, 'POST', PATH, {
    'content-type': 'application/json',
    'content-length': BROKEN.length,
    ...d.signedHeaders('POST', PATH, sha256Hex(BROKEN), BROKEN.length),
  });
  if (whole) r.req.end(BROKEN);
  return r;
}

/** Whether `r` has been answered within `ms`. */
const answeredWithin = (r: RawRequest, ms: number) =>
  Promise.race([r.answer.then(() => true), new Promise<boolean>((res) => setTimeout(() => res(false), ms))]);

describe(`seal batches wait for a slot before HQ reads them (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('one slot: a batch behind the one holding it is not read until the holder is gone; a client that gives up leaves the queue; no slot is lost', async () => {
    const holder = batch(false); // admitted, its body never comes
    await new Promise((r) => setTimeout(r, 300));
    const quitter = batch(false); // waits, then gives up
    const next = batch(true); // complete, waits
    expect(await answeredWithin(next, 600)).toBe(false);
    quitter.req.destroy();
    expect(await answeredWithin(next, 400)).toBe(false); // the quitter never held the slot
    holder.req.destroy();
    expect(await next.answer).toMatchObject({ status: 400 });
    // The slot came back each time: later batches are read at once.
    for (let i = 0; i < 3; i++) expect(await batch(true).answer).toMatchObject({ status: 400 });
  });

  it('a device whose batch waits for the slot gets it once it is free, and syncs', { timeout: 120_000 }, async () => {
    t = makeCore({ fastPasswords: true, syncBatchTarget: { seals: 2, bytes: 8 * 1024 * 1024 } });
    await sealedDevice(t, 4, 16 * 1024);
    await t.core.sync.enroll(server.url, (await hq.devices.createCode('test', '', '')).code);
    const holder = batch(false);
    await new Promise((r) => setTimeout(r, 300));
    const run = t.core.sync.run();
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.core.sync.status().receipted).toBe(0); // its first batch is waiting
    holder.req.destroy();
    expect(await run).toMatchObject({ ok: true });
    expect(t.core.sync.status().receipted).toBe(4);
  });

  it('the slots are counted: first come, first served', async () => {
    const a = new BatchAdmission(1);
    const closing = () => {
      const listeners: (() => void)[] = [];
      return {
        destroyed: false,
        once: (_e: 'close', f: () => void) => listeners.push(f),
        close: () => listeners.forEach((f) => f()),
      };
    };
    const [r1, r2, r3] = [closing(), closing(), closing()];
    const order: number[] = [];
    await a.enter(r1);
    void a.enter(r2).then(() => order.push(2));
    void a.enter(r3).then(() => order.push(3));
    expect(a.queued).toBe(2);
    r1.close();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([2]);
    r2.close();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([2, 3]);
    expect(() => new BatchAdmission(0)).toThrow();
  });
});
