// Seals to HQ in batches (docs/SYNC.md "Batches"), against a real HQ process on loopback, on both
// database engines (this file runs in `unit` on SQLite and in `hq-postgres` on PostgreSQL): a
// batch is committed in one transaction, all or nothing — a tampered seal refuses the whole batch,
// naming its position, and nothing of it is stored; a batch too large (count or bytes) is refused
// from its signed headers before HQ reads its body; a replayed batch is refused; the device's sync
// sends the outbox in several batches in chain order and verifies and stores a receipt per seal.
import { randomBytes } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SEAL_BATCH_MAX } from '../../protocol/sync/hq-api.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import {
  API,
  H,
  requestSigningText,
  sha256Hex,
  verifyReceipt,
  type HqKeys,
  type Receipt,
  type SealPackage,
  type SignedReceipt,
} from '../../protocol/sync/protocol.ts';
import { makeCore, type TestCore } from '../support/core-fixture.ts';
import { openRequest, send } from '../support/hq-fixture.ts';
import { probeHq } from '../support/hq-probe.ts';
import {
  enrollmentCode,
  hqDatabaseOf,
  hqDataDir,
  sealedDevice,
  startHq,
  type HqProcess,
} from '../support/sync-fixture.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hqProcess(): Promise<HqProcess> {
  const p = await startHq(hqDataDir());
  cleanups.push(async () => {
    await p.stop();
    rmSync(p.dataDir, { recursive: true, force: true });
  });
  return p;
}

/** A device with `n` sealed documents (every second one resting on an evidence file), enrolled at `hq`; two seals per batch. */
async function enrolledDevice(hq: HqProcess, n: number): Promise<TestCore> {
  const t = makeCore({ fastPasswords: true, syncBatchTarget: { seals: 2, bytes: 8 * 1024 * 1024 } });
  cleanups.push(() => t.dispose());
  await sealedDevice(t, n, 64 * 1024);
  await t.must('sync.enroll', { url: hq.url, code: enrollmentCode(hq.dataDir) });
  return t;
}

/** The outbox's seal packages, as the device builds them. */
function packages(t: TestCore): SealPackage[] {
  return t.core.sync.outboxRows().map((r) => t.core.sync.packageFor(r, JSON.parse(r.payload) as SealPayload));
}

const batchBody = (pkgs: SealPackage[]) =>
  Buffer.from(JSON.stringify({ format: 'wangxin-sync-batch/1', packages: pkgs }), 'utf8');

/** The headers of a request signed by the device, as its client makes them (a fresh nonce each time). */
function signedHeaders(t: TestCore, method: string, pathAndQuery: string, sha256: string, length: number) {
  const time = new Date().toISOString();
  const nonce = randomBytes(16).toString('hex');
  const text = requestSigningText({ method, pathAndQuery, time, nonce, bodyLength: length, bodySha256: sha256 });
  return {
    'content-type': 'application/json',
    'content-length': length,
    [H.device]: t.core.device.public().deviceId,
    [H.time]: time,
    [H.nonce]: nonce,
    [H.bodyLength]: String(length),
    [H.bodySha256]: sha256,
    [H.signature]: t.core.device.signEd25519(new TextEncoder().encode(text)),
  };
}

function postBatch(hq: HqProcess, t: TestCore, pkgs: SealPackage[], count = pkgs.length) {
  const body = batchBody(pkgs);
  const path = `${API}/seals/batch?count=${count}`;
  return send(hq.url, 'POST', path, signedHeaders(t, 'POST', path, sha256Hex(body), body.length), body);
}

async function hqRows(hq: HqProcess, sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
  const db = await probeHq(hq.dataDir, hqDatabaseOf(hq.dataDir));
  try {
    return await db.all(sql, ...params);
  } finally {
    await db.close();
  }
}

const hqCount = async (hq: HqProcess, table: string) =>
  Number((await hqRows(hq, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

function pinnedKeys(t: TestCore): HqKeys {
  const l = t.core.db.prepare(`SELECT * FROM hq_link`).get() as {
    hq_id: string;
    hq_name: string;
    hq_ed25519_pem: string;
    hq_sm2_public: string;
  };
  return { hqId: l.hq_id, name: l.hq_name, ed25519PublicKeyPem: l.hq_ed25519_pem, sm2PublicKey: l.hq_sm2_public };
}

function deviceReceipts(t: TestCore): SignedReceipt[] {
  return (
    t.core.db.prepare(`SELECT receipt, ed25519, sm2 FROM receipts ORDER BY seal_seq`).all() as {
      receipt: string;
      ed25519: string;
      sm2: string;
    }[]
  ).map((r) => ({ receipt: JSON.parse(r.receipt) as Receipt, ed25519: r.ed25519, sm2: r.sm2 }));
}

describe('seals to HQ in batches', () => {
  it(
    'a batch with a tampered seal is refused whole, naming it, nothing stored; the device then syncs in batches, a verified receipt per seal, chain order kept',
    { timeout: 180_000 },
    async () => {
      const hq = await hqProcess();
      const t = await enrolledDevice(hq, 5);
      const deviceId = t.core.device.public().deviceId;
      const [p1, p2, p3] = packages(t) as [SealPackage, SealPackage, SealPackage];

      // Seal 2's text altered after signing (seals 1 and 3 are sound inquiries without evidence).
      const tampered = { ...p2, seal: { ...p2.seal, payload: p2.seal.payload.replace('"docNo":"', '"docNo":"改') } };
      const r = await postBatch(hq, t, [p1, tampered, p3]);
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({ error: 'verification', index: 1, seq: 2 });
      expect(r.json!.message).toMatch(/^本批3份封存均未接收（第2份、封存2被拒收）：封存2核验未通过：/);
      // Nothing of the batch — not even the sound seals 1 and 3 — and the tampering flagged for HQ's staff.
      for (const table of ['seals', 'documents', 'seal_signatures', 'record_owners', 'cases'])
        expect(await hqCount(hq, table), table).toBe(0);
      expect(await hqRows(hq, `SELECT seq, kind FROM flags`)).toEqual([{ seq: 2, kind: 'verification' }]);

      // The batch must be what the device signed it to be: its count, in chain order.
      const miscounted = await postBatch(hq, t, [p1, p3], 3);
      expect(miscounted.status).toBe(400);
      expect(miscounted.json!.fields).toHaveProperty(['body.packages']);
      const disordered = await postBatch(hq, t, [p3, p1]);
      expect(disordered).toMatchObject({ status: 400, json: { error: 'bad_request', index: 1, seq: 1 } });
      expect(await hqCount(hq, 'seals')).toBe(0);

      // The device's own sync: five seals in batches of two (1–2, 3–4, 5).
      const sent: string[] = [];
      const watch = (m: unknown) => {
        const { request } = m as { request: ClientRequest };
        // The seal commits only (after them the device also reports its open deadlines).
        if (request.method === 'POST' && request.path.startsWith(`${API}/seals`)) sent.push(request.path);
      };
      subscribe('http.client.request.start', watch);
      const outcome = await t.core.sync.run().finally(() => unsubscribe('http.client.request.start', watch));
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
      const receipts = deviceReceipts(t);
      expect(receipts.map((x) => x.receipt.seq)).toEqual([1, 2, 3, 4, 5]);
      const keys = pinnedKeys(t);
      const seals = t.core.seals.rows();
      for (const [i, x] of receipts.entries()) {
        expect(verifyReceipt(x, keys), `receipt ${x.receipt.seq}`).toEqual([]);
        expect(x.receipt).toMatchObject({
          deviceId,
          seq: seals[i]!.seq,
          sealSha256: seals[i]!.hash_sha256,
          sealSm3: seals[i]!.hash_sm3,
          chainComplete: true,
        });
      }
      // HQ's numbers follow the chain across batches; each seal linked to the one before.
      const held = (await hqRows(hq, `SELECT seq, hq_seq, prev_hash, hash_sha256 FROM seals ORDER BY seq`)) as {
        seq: number;
        hq_seq: number;
        prev_hash: string;
        hash_sha256: string;
      }[];
      expect(held.map((s) => Number(s.seq))).toEqual([1, 2, 3, 4, 5]);
      expect(held.map((s) => Number(s.hq_seq))).toEqual([...held.map((s) => Number(s.hq_seq))].sort((a, b) => a - b));
      for (let i = 1; i < held.length; i++) expect(held[i]!.prev_hash).toBe(held[i - 1]!.hash_sha256);
      // The audit log names each delivered seal, as before batches.
      expect(
        (t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'sync'`).get() as { n: number }).n,
      ).toBe(5);
      expect(sent).toEqual([2, 2, 1].map((n) => `${API}/seals/batch?count=${n}`));

      // The same (sound) batch again: HQ answers the very receipts it gave, and stores nothing new.
      const before = await hqCount(hq, 'seals');
      const again = await postBatch(hq, t, [p1, p2, p3]);
      expect(again.status).toBe(200);
      expect((again.json as { receipts: SignedReceipt[] }).receipts).toEqual(receipts.slice(0, 3));
      expect(await hqCount(hq, 'seals')).toBe(before);
    },
  );

  it(
    'refused before the body is read: more seals than HQ takes, more bytes, no count; a replayed batch is refused',
    { timeout: 120_000 },
    async () => {
      const hq = await hqProcess();
      const t = await enrolledDevice(hq, 1);
      const held = (path: string, length: number) =>
        openRequest(hq.url, 'POST', path, signedHeaders(t, 'POST', path, 'a'.repeat(64), length));

      // Not one byte of the body is sent: HQ answers from the signed headers.
      const many = held(`${API}/seals/batch?count=${SEAL_BATCH_MAX.seals + 1}`, 1024);
      expect(await many.answer).toMatchObject({
        status: 413,
        json: {
          error: 'bad_request',
          message: `一批封存过多（声明 ${SEAL_BATCH_MAX.seals + 1} 份，上限 ${SEAL_BATCH_MAX.seals} 份）。请分批发送。`,
        },
      });
      many.req.destroy();
      const big = held(`${API}/seals/batch?count=2`, SEAL_BATCH_MAX.bytes + 1);
      expect(await big.answer).toMatchObject({
        status: 413,
        json: { error: 'bad_request', message: `请求过大（上限 ${SEAL_BATCH_MAX.bytes} 字节）。` },
      });
      big.req.destroy();
      const uncounted = held(`${API}/seals/batch`, 1024);
      expect(await uncounted.answer).toMatchObject({
        status: 400,
        json: { error: 'bad_request', fields: { 'query.count': expect.any(String) } },
      });
      uncounted.req.destroy();
      expect(await hqCount(hq, 'seals')).toBe(0);

      // A batch captured on the way and sent again, byte for byte: refused by its nonce.
      const body = batchBody(packages(t));
      const path = `${API}/seals/batch?count=1`;
      const headers = signedHeaders(t, 'POST', path, sha256Hex(body), body.length);
      const first = await send(hq.url, 'POST', path, headers, body);
      expect(first.status).toBe(200);
      const replayed = await send(hq.url, 'POST', path, headers, body);
      expect(replayed).toMatchObject({ status: 401, json: { error: 'replay' } });
      expect(await hqCount(hq, 'seals')).toBe(1);
    },
  );
});
