// Sync to HQ against a real HQ server on loopback (a separate process for the main journey and
// the command-line import; in-process elsewhere, still over real sockets): enrollment, sync,
// receipts, idempotent resend, the offline bundle both ways, and every refusal with its reason
// and nothing stored.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../core/bundle/export-bundle.ts';
import { HEADER_BYTES } from '../../protocol/storage/blob-cipher.ts';
import { entriesOf, forge, offsetOf, writeEntries } from '../support/bundle-tamper.ts';
import { printDocument } from '../../core/pdf/print-document.ts';
import { sealQrText } from '../../protocol/print/seal-qr.ts';
import { HqClient, SyncFailure } from '../../core/sync/hq-client.ts';
import { API, verifyReceipt, type HqKeys, type SignedReceipt } from '../../protocol/sync/protocol.ts';
import { openHq, type HqApp } from '../../hq/hq-app.ts';
import { startHqServer, type HqServer } from '../../hq/http/hq-server.ts';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { demoEvidence, demoInquiry } from '../../scripts/demo-documents.ts';
import { makeCore, OFFICER_A, OFFICER_B, orgCaseInput, type TestCore } from '../support/core-fixture.ts';
import { signedDocument } from '../support/signing-fixture.ts';
import { inSlot, lawfulEvidence } from '../support/lawful-samples.ts';
import {
  enrollmentCode,
  hqCli,
  hqDatabaseOf,
  hqDataDir,
  sealedDevice,
  startHq,
  type HqProcess,
} from '../support/sync-fixture.ts';
import { TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';
import { hqStorageWitness, probeHq } from '../support/hq-probe.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function device(): TestCore {
  const t = makeCore({ fastPasswords: true });
  cleanups.push(() => t.dispose());
  return t;
}

async function inProcessHq(
  dir = hqDataDir(),
  tls?: { certPath: string; keyPath: string },
): Promise<{ hq: HqApp; server: HqServer; dir: string }> {
  const db = hqDatabaseOf(dir);
  const hq = await openHq({ dataDir: dir, key: { passphrase: TEST_HQ_PASSPHRASE }, ...(db ? { db } : {}) });
  const server = await startHqServer({ hq, port: 0, log: () => {}, ...(tls ? { tls } : {}) });
  cleanups.push(async () => {
    await server.close();
    await hq.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { hq, server, dir };
}

async function hqProcess(): Promise<HqProcess> {
  const p = await startHq(hqDataDir());
  cleanups.push(async () => {
    await p.stop();
    rmSync(p.dataDir, { recursive: true, force: true });
  });
  return p;
}

/** Row counts of what HQ holds (beside the running server). */
async function hqCounts(dir: string): Promise<Record<string, number>> {
  const db = await probeHq(dir, hqDatabaseOf(dir));
  try {
    const n = async (table: string) => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
    return {
      seals: await n('seals'),
      documents: await n('documents'),
      blobs: await n('blobs'),
      seal_evidence: await n('seal_evidence'),
      seal_signatures: await n('seal_signatures'),
      cases: await n('cases'),
    };
  } finally {
    await db.close();
  }
}

function blobFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(e.name);
    }
  };
  walk(join(dir, 'blobs'));
  return out;
}

function deviceReceipts(t: TestCore): SignedReceipt[] {
  return (
    t.core.db.prepare(`SELECT receipt, ed25519, sm2 FROM receipts ORDER BY seal_seq`).all() as {
      receipt: string;
      ed25519: string;
      sm2: string;
    }[]
  ).map((r) => ({ receipt: JSON.parse(r.receipt) as SignedReceipt['receipt'], ed25519: r.ed25519, sm2: r.sm2 }));
}

function pinnedKeys(t: TestCore): HqKeys {
  const l = t.core.db.prepare(`SELECT * FROM hq_link`).get() as {
    hq_id: string;
    hq_name: string;
    hq_ed25519_pem: string;
    hq_sm2_public: string;
  };
  return { hqId: l.hq_id, name: l.hq_name, ed25519PublicKeyPem: l.hq_ed25519_pem, sm2PublicKey: l.hq_sm2_public };
}

describe('sync to HQ', () => {
  it(
    'enroll, seal three documents with evidence, sync: receipts verified; syncing again adds nothing and gives the same receipts',
    { timeout: 120_000 },
    async () => {
      const hq = await hqProcess();
      const t = device();
      const { documentIds, evidence } = await sealedDevice(t, 3, 300 * 1024);
      const enrolled = await t.must('sync.enroll', { url: hq.url, code: enrollmentCode(hq.dataDir, '柳南网信案') });
      expect(enrolled.enrolled).toBe(true);
      expect(enrolled.hq?.casePrefix).toBe('柳南网信案');
      expect(enrolled.outbox.documents).toBe(3);
      // HQ's signed time seen at enrollment is the earliest bound of what is sealed from now on.
      expect(enrolled.hqTimeSeen).not.toBeNull();
      // HQ's prefix numbers new cases; a case opened before keeps its own prefix for all its documents.
      const caseId = (await t.must('documents.get', { id: documentIds[0]! })).caseId;
      expect((await t.must('documents.create', { caseId, type: 'onsite' })).docNo).toMatch(
        /^网信案现〔\d{4}〕\d{4}号$/,
      );
      const ids = (await t.must('officers.list', {})).map((o) => o.id);
      const newCase = await t.must('cases.create', orgCaseInput(ids, 'csl-59'));
      expect(newCase.caseNo).toMatch(/^柳南网信案〔\d{4}〕0002号$/);
      expect((await t.must('documents.create', { caseId: newCase.id, type: 'inquiry' })).docNo).toMatch(
        /^柳南网信案询〔\d{4}〕\d{4}号$/,
      );

      const first = await t.core.sync.run();
      expect(first).toMatchObject({ ok: true });
      const receipts = deviceReceipts(t);
      expect(receipts.map((r) => r.receipt.seq)).toEqual([1, 2, 3]);
      const keys = pinnedKeys(t);
      for (const r of receipts) expect(verifyReceipt(r, keys)).toEqual([]);
      const seals = t.core.seals.rows();
      expect(receipts.map((r) => r.receipt.sealSha256)).toEqual(seals.map((s) => s.hash_sha256));
      expect(receipts.every((r) => r.receipt.chainComplete)).toBe(true);
      const status = await t.must('sync.status', {});
      expect(status.outbox.documents).toBe(0);
      expect(status.receipted).toBe(3);
      const docs = await t.must('documents.list', {
        caseId: (await t.must('documents.get', { id: documentIds[0]! })).caseId,
      });
      expect(docs.filter((d) => d.state === 'sealed').map((d) => typeof d.syncedAt)).toEqual([
        'string',
        'string',
        'string',
      ]);
      expect(docs.find((d) => d.state === 'draft')?.syncedAt).toBeUndefined();
      // The audit log names each delivered seal (document id and seal hash), in its case's log too.
      const synced = (await t.must('audit.list', { caseId })).filter((r) => r.action === 'sync');
      expect(synced.map((r) => r.targets)).toEqual(seals.map((s) => [s.document_id, s.hash_sha256]));

      // HQ holds each seal once, each evidence file once, all digests recomputed by HQ.
      const counts = await hqCounts(hq.dataDir);
      expect(counts).toMatchObject({
        seals: 3,
        documents: 3,
        seal_evidence: evidence.length,
        cases: 1,
        blobs: evidence.length,
      });
      const witness = (await hqStorageWitness(hq.dataDir)).storage;
      expect(blobFiles(hq.dataDir).sort()).toEqual(
        expect.arrayContaining(evidence.map((e) => basename(witness.blobPath(e.sha256)))),
      );

      // Again: nothing new at HQ; resending a committed seal returns the very same receipt.
      expect(await t.core.sync.run()).toMatchObject({ ok: true, message: '同步完成：没有待同步的文书。' });
      expect(await hqCounts(hq.dataDir)).toEqual(counts);
      const row = t.core.seals.rows()[1]!;
      const again = await t.core.sync['client'](
        t.core.db.prepare(`SELECT * FROM hq_link`).get() as never,
      ).call<SignedReceipt>('POST', `${API}/seals`, t.core.sync.packageFor(row, JSON.parse(row.payload) as never));
      expect(again.body).toEqual(receipts[1]);
      expect(await hqCounts(hq.dataDir)).toEqual(counts);
    },
  );

  it('a wrong or used enrollment code is refused in Chinese and nothing is stored', { timeout: 60_000 }, async () => {
    const { server, dir } = await inProcessHq();
    const t = device();
    await sealedDevice(t, 1);
    const wrong = await t.call('sync.enroll', { url: server.url, code: 'AAAA-BBBB-CCCC-DDDD' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('登记码无效');
    expect((await t.must('sync.status', {})).enrolled).toBe(false);
    const code = enrollmentCode(dir);
    await t.must('sync.enroll', { url: server.url, code });
    // HQ's answer lost on the way (the device pinned nothing): the same device may use the same code again.
    t.core.db.prepare(`DELETE FROM hq_link`).run();
    expect((await t.must('sync.enroll', { url: server.url, code })).enrolled).toBe(true);
    const other = device();
    await sealedDevice(other, 1);
    const reused = await other.call('sync.enroll', { url: server.url, code: code.toLowerCase() });
    expect(reused.ok).toBe(false);
    if (!reused.ok) expect(reused.error.message).toContain('已使用');
    const bad = await other.call('sync.enroll', { url: 'ftp://hq', code });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.url).toContain('https://');
    const down = await other.call('sync.enroll', { url: 'http://127.0.0.1:9/', code });
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.error.message).toContain('无法连接总部');
  });

  it(
    'a revoked device is refused with the reason, nothing is stored, and HQ staff see the attempt',
    { timeout: 60_000 },
    async () => {
      const { hq, server, dir } = await inProcessHq();
      const t = device();
      await sealedDevice(t, 2);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      await hq.devices.revoke(t.core.device.public().deviceId, 'hqadmin', '设备遗失');
      const r = await t.core.sync.run();
      expect(r).toMatchObject({ ok: false, kind: 'revoked' });
      expect(r.message).toContain('吊销');
      expect(r.message).toContain('设备遗失');
      expect(await hqCounts(dir)).toMatchObject({ seals: 0, blobs: 0 });
      expect((await hq.browse.flags()).map((f) => f.kind)).toContain('revoked');
      // Nothing on the laptop is deleted: the outbox is intact.
      expect((await t.must('sync.status', {})).outbox.documents).toBe(2);
    },
  );

  it('an unknown device and a forged request signature are refused', { timeout: 60_000 }, async () => {
    const { server, dir } = await inProcessHq();
    const t = device();
    await sealedDevice(t, 1);
    const dev = t.core.device;
    const client = new HqClient({
      baseUrl: server.url,
      tlsFingerprint: null,
      deviceId: dev.public().deviceId,
      sign: (s) => dev.signEd25519(new TextEncoder().encode(s)),
    });
    await expect(client.call('GET', `${API}/reference`)).rejects.toMatchObject({ kind: 'unknown_device' });
    await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
    expect((await client.call('GET', `${API}/reference`)).status).toBe(200);
    const forged = new HqClient({
      baseUrl: server.url,
      tlsFingerprint: null,
      deviceId: dev.public().deviceId,
      sign: () => '00'.repeat(64),
    });
    const e = await forged.call('GET', `${API}/reference`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SyncFailure);
    expect((e as SyncFailure).message).toContain('设备签名无效');
    // HQ signs its time over the device's nonce: only hexadecimal is taken.
    expect(
      (await fetch(`${server.url}api/v1/hello?nonce=${encodeURIComponent('ab\nwangxin-hq-receipt')}`)).status,
    ).toBe(400);
    expect((await fetch(`${server.url}api/v1/hello?nonce=${'ab'.repeat(16)}`)).status).toBe(200);
  });

  it(
    'a damaged evidence chunk on the laptop stops the sync, naming the item and the chunk; HQ places nothing of it',
    { timeout: 60_000 },
    async () => {
      const { server, dir } = await inProcessHq();
      const t = device();
      const { evidence } = await sealedDevice(t, 2, 300 * 1024);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      const blob = t.core.evidence.blobs.pathOf(evidence[0]!.sha256);
      const bytes = readFileSync(blob);
      bytes[HEADER_BYTES + 100]! ^= 0x01;
      writeFileSync(blob, bytes);
      const r = await t.core.sync.run();
      expect(r).toMatchObject({ ok: false, kind: 'verification' });
      expect(r.message).toBe(
        '本机电子数据「截图-1.png」第 1 段（字节 0–307199）校验失败：内容被篡改或存储介质损坏。未上传。请先在本机核验。',
      );
      expect(await hqCounts(dir)).toMatchObject({ seals: 1, blobs: 0 });
      expect(blobFiles(dir)).toEqual([]);
    },
  );

  it(
    'two evidence uploads at a time: a damaged one stops the run at its seal, every seal before it is receipted with its evidence at HQ',
    { timeout: 90_000 },
    async () => {
      const { server, dir } = await inProcessHq();
      const t = device();
      // Eight documents: the 2nd, 4th, 6th and 8th each list one evidence file (1.5 chunks of 8 MiB
      // would be slow here; 2 MiB files take several round trips' worth of HQ work each).
      const { evidence } = await sealedDevice(t, 8, 2 * 1024 * 1024);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      // The third file (the 6th document's) is damaged on the laptop.
      const blob = t.core.evidence.blobs.pathOf(evidence[2]!.sha256);
      const bytes = readFileSync(blob);
      bytes[HEADER_BYTES + 100]! ^= 0x01;
      writeFileSync(blob, bytes);
      // How many evidence chunks are on their way to HQ at once.
      let inFlight = 0;
      let most = 0;
      const call = HqClient.prototype.call;
      HqClient.prototype.call = async function (this: HqClient, ...args: Parameters<HqClient['call']>) {
        const chunk = args[0] === 'PUT' && args[1].includes('/blobs/');
        if (chunk) most = Math.max(most, ++inFlight);
        try {
          return await call.apply(this, args);
        } finally {
          if (chunk) inFlight--;
        }
      } as typeof call;
      cleanups.push(() => {
        HqClient.prototype.call = call;
      });
      const r = await t.core.sync.run();
      HqClient.prototype.call = call;
      expect(most).toBe(2);
      expect(r).toMatchObject({ ok: false, kind: 'verification' });
      expect(r.message).toContain('本机电子数据「截图-5.png」第 1 段');
      // The five documents before the 6th have their receipts; the 6th and after do not.
      const rows = t.core.seals.rows().sort((x, y) => x.seq - y.seq);
      expect(rows.map((row) => t.core.sync.outboxRows().some((o) => o.seq === row.seq))).toEqual([
        false,
        false,
        false,
        false,
        false,
        true,
        true,
        true,
      ]);
      const held = await hqCounts(dir);
      expect(held.seals).toBe(5);
      // The two files before the damaged one are at HQ (the 8th document's may be too: it was on
      // its way when the damage was found); the damaged one is not.
      expect(held.blobs).toBeGreaterThanOrEqual(2);
      expect(held.blobs).toBeLessThanOrEqual(3);
      expect(blobFiles(dir)).toHaveLength(held.blobs!);
    },
  );

  it(
    'HQ out of reach: an automatic try stays silent, a sync the officer asked for says so in Chinese',
    { timeout: 60_000 },
    async () => {
      const { server, dir } = await inProcessHq();
      const t = device();
      await sealedDevice(t, 1);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      await server.close();
      t.core.sync.start(true); // what the timer does every minute
      expect(await t.core.sync.run()).toMatchObject({ ok: false, kind: 'unreachable' });
      expect((await t.must('sync.status', {})).last).toBeNull();
      await t.must('sync.start', {});
      const r = await t.core.sync.run();
      expect(r.message).toContain('无法连接总部');
      expect((await t.must('sync.status', {})).last).toMatchObject({ ok: false, kind: 'unreachable' });
      // The officer's failed try is audited like a failed sign-in; the silent automatic one is not.
      const failed = (await t.must('audit.list', {})).filter((x) => x.action === 'sync-failed');
      expect(failed.map((x) => x.detail)).toEqual([expect.stringContaining('无法连接总部')]);
      expect((await t.must('sync.status', {})).outbox.documents).toBe(1);
    },
  );

  it('a server with another key than the enrolled HQ gets nothing', { timeout: 60_000 }, async () => {
    const real = await inProcessHq();
    const impostor = await inProcessHq();
    const t = device();
    await sealedDevice(t, 2);
    await t.must('sync.enroll', { url: real.server.url, code: enrollmentCode(real.dir) });
    // The address now leads elsewhere (DNS poisoned, a server put in HQ's place).
    t.core.db.prepare(`UPDATE hq_link SET url = ?`).run(impostor.server.url);
    const r = await t.core.sync.run();
    expect(r).toMatchObject({ ok: false, kind: 'hq_key' });
    expect(r.message).toContain('密钥与登记时记录的不符');
    expect(await hqCounts(impostor.dir)).toMatchObject({ seals: 0, blobs: 0 });
  });

  it(
    'over HTTPS the certificate is pinned: a proxy in the middle with its own certificate is refused before anything is sent',
    { timeout: 90_000 },
    async () => {
      const tls = mkdtempSync(join(tmpdir(), 'field-tls-'));
      cleanups.push(() => rmSync(tls, { recursive: true, force: true }));
      const cert = (name: string) => {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-days',
            '30',
            '-subj',
            '/CN=127.0.0.1',
            '-keyout',
            join(tls, `${name}.key`),
            '-out',
            join(tls, `${name}.crt`),
          ],
          { stdio: 'ignore' },
        );
        return { certPath: join(tls, `${name}.crt`), keyPath: join(tls, `${name}.key`) };
      };
      const real = await inProcessHq(hqDataDir(), cert('hq'));
      expect(real.server.url.startsWith('https://')).toBe(true);
      const t = device();
      await sealedDevice(t, 2);
      const s = await t.must('sync.enroll', { url: real.server.url, code: enrollmentCode(real.dir) });
      expect(s.hq?.tlsPinned).toBe(true);
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      await sealAnotherInquiry(t);
      // The same HQ, reached through a TLS-terminating proxy with another certificate.
      const mitmCert = cert('mitm');
      let forwarded = 0;
      const proxy = createServer(
        { cert: readFileSync(mitmCert.certPath), key: readFileSync(mitmCert.keyPath) },
        (req, res) => {
          forwarded++;
          const up = request(
            new URL(req.url!, real.server.url),
            { method: req.method, headers: req.headers, rejectUnauthorized: false },
            (r) => {
              res.writeHead(r.statusCode!, r.headers);
              r.pipe(res);
            },
          );
          req.pipe(up);
        },
      );
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
      cleanups.push(() => new Promise<void>((r) => proxy.close(() => r())));
      t.core.db
        .prepare(`UPDATE hq_link SET url = ?`)
        .run(`https://127.0.0.1:${(proxy.address() as { port: number }).port}/`);
      const r = await t.core.sync.run();
      expect(r).toMatchObject({ ok: false, kind: 'certificate' });
      expect(r.message).toContain('证书与登记时记录的不符');
      expect(forwarded).toBe(0);
    },
  );

  it(
    'offline: the outbox as a bundle file, imported with npm run hq -- import, receipts carried back; a resend is harmless',
    { timeout: 120_000 },
    async () => {
      const dir = hqDataDir();
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const t = device();
      const { evidence } = await sealedDevice(t, 3, 100 * 1024);
      // Enrollment needs HQ once (on the office network); the isolated network gets bundles only.
      const hq = await startHq(dir);
      await t.must('sync.enroll', { url: hq.url, code: enrollmentCode(dir) });
      await hq.stop();
      const media = mkdtempSync(join(tmpdir(), 'field-usb-'));
      cleanups.push(() => rmSync(media, { recursive: true, force: true }));
      const out = await t.must('sync.exportBundle', { dir: media });
      expect(out.documents).toBe(3);
      expect((await entriesOf(out.path)).map((e) => e.name)).toEqual(
        expect.arrayContaining(['cases.json', 'print/1.json', 'manifest.json', `evidence/${evidence[0]!.sha256}`]),
      );

      const imp = hqCli(dir, ['import', out.path]);
      expect(imp.status, imp.stderr).toBe(0);
      expect(imp.stdout).toContain('3个封存');
      const receiptsFile = readdirSync(media).find((f) => f.startsWith('总部回执-'))!;
      const got = await t.must('sync.importReceipts', { text: readFileSync(join(media, receiptsFile), 'utf8') });
      expect(got).toEqual({ stored: 3, already: 0 });
      const audit = await t.must('audit.list', {});
      expect(audit.filter((r) => r.action === 'sync-receipts').map((r) => r.targets[1])).toEqual(
        t.core.seals.rows().map((s) => s.hash_sha256),
      );
      expect(audit.find((r) => r.action === 'sync-export')).toMatchObject({
        caseId: expect.any(String),
        targets: expect.arrayContaining(t.core.seals.rows().map((s) => s.hash_sha256)),
      });
      for (const r of deviceReceipts(t)) expect(verifyReceipt(r, pinnedKeys(t))).toEqual([]);
      expect((await t.must('sync.status', {})).outbox.documents).toBe(0);
      const counts = await hqCounts(dir);
      expect(counts).toMatchObject({ seals: 3, seal_evidence: evidence.length });
      // The same bundle again: accepted, same receipts, nothing new.
      const again = hqCli(dir, ['import', out.path, '--receipts', join(media, 'again.json')]);
      expect(again.status).toBe(0);
      expect(await hqCounts(dir)).toEqual(counts);
      expect(await t.must('sync.importReceipts', { text: readFileSync(join(media, 'again.json'), 'utf8') })).toEqual({
        stored: 0,
        already: 3,
      });
      // A receipts file altered by hand is refused.
      const forged = JSON.parse(readFileSync(join(media, 'again.json'), 'utf8')) as { receipts: SignedReceipt[] };
      forged.receipts[0]!.receipt.hqTime = '2020-01-01T00:00:00.000Z';
      const bad = await t.call('sync.importReceipts', { text: JSON.stringify(forged) });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toContain('回执的Ed25519签名无效');
    },
  );

  it(
    'HQ refuses, stores nothing and says why: a bundle with one flipped byte, a bundle replayed under another device, an unknown device',
    { timeout: 120_000 },
    async () => {
      const { hq, dir } = await inProcessHq();
      const a = device();
      const b = device();
      await sealedDevice(a, 2, 50 * 1024);
      await sealedDevice(b, 1);
      const codeA = await hq.devices.createCode('t', 'A', '');
      const { server } = { server: await startHqServer({ hq, port: 0, log: () => {} }) };
      cleanups.push(() => server.close());
      await a.must('sync.enroll', { url: server.url, code: codeA.code });
      const media = mkdtempSync(join(tmpdir(), 'field-usb-'));
      cleanups.push(() => rmSync(media, { recursive: true, force: true }));
      const good = (await a.must('sync.exportBundle', { dir: media })).path;

      // One flipped byte inside an evidence file.
      const flipped = join(media, 'flipped.tar');
      const bytes = readFileSync(good);
      const ev = (await entriesOf(good)).find((e) => e.name.startsWith('evidence/'))!;
      const at = (await offsetOf(good, ev.name)) + 100;
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(flipped, bytes);
      const r1 = await hq.importBundle(flipped, 't').catch((e: Error) => e);
      expect(r1).toBeInstanceOf(Error);
      expect((r1 as Error).message).toContain('电子数据');
      expect((r1 as Error).message).toContain('与封存时的校验值不符');
      expect(await hqCounts(dir)).toMatchObject({ seals: 0, blobs: 0 });
      expect(blobFiles(dir)).toEqual([]);

      // B's bundle presented as A's (the manifest names A): the manifest's signature no longer holds.
      const bBundle = join(media, 'b.tar');
      await exportBundle(
        b.core,
        b.core.seals.rows().map((s) => s.document_id),
        bBundle,
      );
      const replay = join(media, 'replay.tar');
      const bb = readFileSync(bBundle);
      const mAt = await offsetOf(bBundle, 'manifest.json');
      const text = bb.subarray(mAt, mAt + 4096).toString('utf8');
      const swapped = text.replace(b.core.device.public().deviceId, a.core.device.public().deviceId);
      bb.write(swapped, mAt, 'utf8');
      writeFileSync(replay, bb);
      const r2 = await hq.importBundle(replay, 't').catch((e: Error) => e);
      expect((r2 as Error).message).toContain('清单的SM2签名无效');
      expect((r2 as Error).message).toContain('封存的设备编号与清单不符');
      // Re-made whole under A's device id with a forger's keys: consistent, but not A's keys.
      const forged = join(media, 'forged.tar');
      const entries = await entriesOf(bBundle);
      forge(entries, { deviceId: a.core.device.public().deviceId });
      await writeEntries(forged, entries);
      const r2b = await hq.importBundle(forged, 't').catch((e: Error) => e);
      expect((r2b as Error).message).toContain('设备密钥与总部登记的设备');
      // B itself is unknown to HQ.
      const r3 = await hq.importBundle(bBundle, 't').catch((e: Error) => e);
      expect((r3 as Error).message).toContain('未登记的设备');
      expect(await hqCounts(dir)).toMatchObject({ seals: 0, blobs: 0 });

      // The untouched bundle goes in.
      expect((await hq.importBundle(good, 't')).receipts).toHaveLength(2);
    },
  );

  it(
    'a different seal with a sequence number HQ holds is refused as a conflict and flagged; a gap is accepted, flagged, and closed when the missing seal arrives',
    { timeout: 120_000 },
    async () => {
      const { hq, server, dir } = await inProcessHq();
      const t = device();
      const { documentIds } = await sealedDevice(t, 3, 20 * 1024);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      // Seal 3 alone first (as an offline bundle): accepted, with a gap before it.
      const media = mkdtempSync(join(tmpdir(), 'field-usb-'));
      cleanups.push(() => rmSync(media, { recursive: true, force: true }));
      const only3 = join(media, 'only3.tar');
      await exportBundle(t.core, [documentIds[2]!], only3);
      const r = await hq.importBundle(only3, 't');
      expect(r.receipts[0]!.receipt).toMatchObject({ seq: 3, chainComplete: false });
      expect((await hq.browse.flags()).filter((f) => f.kind === 'gap')).toHaveLength(1);
      expect((await hq.browse.chain(t.core.device.public().deviceId)).missing).toEqual([1, 2]);
      // The rest arrives over the network: the gap closes.
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      expect((await hq.browse.flags()).filter((f) => f.kind === 'gap')).toHaveLength(0);
      expect((await hq.browse.chain(t.core.device.public().deviceId)).missing).toEqual([]);

      // A fork of the device (its data folder copied before seal 3) seals another document as number 3.
      const fork = makeCore({ fastPasswords: true });
      cleanups.push(() => fork.dispose());
      fork.core.close();
      t.core.close();
      rmSync(fork.dir, { recursive: true, force: true });
      cpSync(t.dir, fork.dir, { recursive: true });
      t.reopen();
      await fork.adoptCopy();
      const forged = fork.core.seals.rows()[2]!;
      // Re-seal with a different payload (another time) under the same number, signed by the same device keys.
      const payload = JSON.parse(forged.payload) as { time: { sealedAt: string } };
      payload.time.sealedAt = '2026-11-30T01:00:00.000Z';
      const text = canonicalJson(payload);
      const sig = fork.core.device.sign(new TextEncoder().encode(text));
      const pkg = {
        ...fork.core.sync.packageFor(forged, payload as never),
        seal: { seq: 3, payload: text, sm2Signature: sig.sm2, ed25519Signature: sig.ed25519 },
      };
      const client = fork.core.sync['client'](fork.core.db.prepare(`SELECT * FROM hq_link`).get() as never);
      const e = await client.call('POST', `${API}/seals`, pkg).catch((x: unknown) => x);
      expect(e).toMatchObject({ kind: 'conflict', status: 409 });
      expect((e as Error).message).toContain('可能被篡改');
      expect((await hq.browse.flags()).map((f) => f.kind)).toContain('conflict');
      expect((await hqCounts(dir)).seals).toBe(3);
    },
  );
});

describe('freeing space after receipts', () => {
  it(
    'only evidence whose every seal HQ receipted is released, by both officers; verification then cites the receipt; nothing else changes',
    { timeout: 90_000 },
    async () => {
      const { server, dir } = await inProcessHq();
      const t = device();
      const { evidence } = await sealedDevice(t, 4, 200 * 1024);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      // Nothing is releasable before HQ's receipts, and sync itself deletes nothing.
      expect((await t.must('sync.status', {})).space).toMatchObject({ releasableFiles: 0, releasedFiles: 0 });
      const none = await t.call('sync.freeSpace', {});
      expect(none.ok).toBe(false);
      if (!none.ok) expect(none.error.message).toContain('没有可以释放的电子数据');
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      for (const e of evidence) expect(t.core.evidence.blobs.has(e.sha256)).toBe(true);
      // A new, not yet synced seal resting on a new file: that file must stay.
      const more = await sealAnotherEvidenceRecord(t);
      // Sealed after a sync: its time's earliest bound is HQ's latest signed time the device saw.
      const last = JSON.parse(t.core.seals.rows().at(-1)!.payload) as {
        time: { notBefore: string | null; sealedAt: string };
      };
      expect(last.time.notBefore).toBe((await t.must('sync.status', {})).hqTimeSeen);
      expect(last.time.notBefore! <= last.time.sealedAt).toBe(true);
      const status = await t.must('sync.status', {});
      expect(status.space).toMatchObject({
        releasableFiles: evidence.length,
        releasableBytes: evidence.reduce((n, e) => n + e.size, 0),
      });
      // One officer alone cannot.
      await t.must('session.signOut', { officerId: (await t.must('officers.list', {}))[1]!.id });
      expect((await t.call('sync.freeSpace', {})).ok).toBe(false);
      await t.must('session.signIn', { certNo: '45020019002', password: 'field2026b' });
      expect(await t.must('sync.freeSpace', {})).toEqual({
        files: evidence.length,
        bytes: evidence.reduce((n, e) => n + e.size, 0),
      });
      for (const e of evidence) expect(t.core.evidence.blobs.has(e.sha256)).toBe(false);
      expect(t.core.evidence.blobs.has(more)).toBe(true);
      expect(t.core.evidence.list((await t.must('cases.list', {})).items[0]!.id)).toHaveLength(evidence.length + 1);
      const report = await t.must('seals.verify', { documentId: '' });
      expect(report.ok).toBe(true);
      expect(report.checks.map((c) => c.detail).join('\n')).toContain('取得总部回执（总部序号');
      expect(
        (await t.core.evidence.reverify({ caseId: (await t.must('cases.list', {})).items[0]!.id })).failures,
      ).toEqual([]);
      // A bundle can no longer carry released bytes: said so, nothing written.
      const exp = await t.call('bundles.export', { documentIds: t.core.seals.rows().map((r) => r.document_id) });
      expect(exp.ok).toBe(false);
      if (!exp.ok) expect(exp.error.message).toContain('已在取得总部回执后从本机释放');
      // The unsynced one still syncs.
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      expect((await t.must('sync.status', {})).space).toMatchObject({
        releasableFiles: 1,
        releasedFiles: evidence.length,
      });
    },
  );
});

describe('HQ prints received documents itself', () => {
  it(
    'from the print input, only when laying it out reproduces the sealed document hash',
    { timeout: 90_000 },
    async () => {
      const { hq, server, dir } = await inProcessHq();
      const t = device();
      const { documentIds } = await sealedDevice(t, 2, 8 * 1024);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      // Seal 1 goes with a print input altered on the way (a changed answer): the seal itself is intact.
      const [row1] = t.core.seals.rows();
      const pkg = t.core.sync.packageFor(row1!, JSON.parse(row1!.payload) as never);
      const altered = structuredClone(pkg.print) as { content: { place: string } };
      altered.content.place = `${altered.content.place}（改）`;
      const client = t.core.sync['client'](t.core.db.prepare(`SELECT * FROM hq_link`).get() as never);
      await client.call('POST', `${API}/seals`, { ...pkg, print: altered });
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      const images = async (id: string) => {
        const d = (await hq.browse.document(id))!;
        return new Map(
          (await hq.browse.sealSignatures(d.deviceId, d.seq)).map((r) => [
            r.signature_id,
            { record: r.record, image: r.image_png },
          ]),
        );
      };
      const print = async (id: string) => {
        const d = (await hq.browse.document(id))!;
        return hq.printer.print(d.printInput, d.payload, { sha256: d.sealSha256, sm3: d.sealSm3 }, await images(id));
      };
      const bad = await print(documentIds[0]!);
      expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('与封存的文书校验值不符') });
      const good = await print(documentIds[1]!);
      expect(good.ok).toBe(true);
      // HQ's PDF is the device's PDF, byte for byte.
      const mine = await printDocument(t.core, documentIds[1]!);
      if (good.ok) expect(Buffer.from(good.bytes).equals(Buffer.from(mine.bytes))).toBe(true);
    },
  );
});

describe('HQ web page', () => {
  it(
    'requires login, refuses cross-site posts, and imports an offline bundle whose receipts file the laptop reads',
    { timeout: 90_000 },
    async () => {
      const { hq, server, dir } = await inProcessHq();
      await hq.admins.create('clerk', 'clerk-password-1');
      const t = device();
      await sealedDevice(t, 2, 10 * 1024);
      await t.must('sync.enroll', { url: server.url, code: enrollmentCode(dir) });
      const media = mkdtempSync(join(tmpdir(), 'field-usb-'));
      cleanups.push(() => rmSync(media, { recursive: true, force: true }));
      const bundle = (await t.must('sync.exportBundle', { dir: media })).path;

      const anon = await fetch(`${server.url}cases`, { redirect: 'manual' });
      expect(anon.status).toBe(303);
      expect(anon.headers.get('location')).toBe('/login');
      const form = (u: string, p: string) => new URLSearchParams({ username: u, password: p }).toString();
      const bad = await fetch(`${server.url}login`, {
        method: 'POST',
        body: form('clerk', 'wrong-password'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      expect(bad.status).toBe(401);
      expect(await bad.text()).toContain('用户名或密码错误');
      const ok = await fetch(`${server.url}login`, {
        method: 'POST',
        body: form('clerk', 'clerk-password-1'),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url.replace(/\/$/, '') },
        redirect: 'manual',
      });
      expect(ok.status).toBe(303);
      const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
      expect(ok.headers.get('set-cookie')).toContain('HttpOnly');
      expect(ok.headers.get('set-cookie')).toContain('SameSite=Strict');
      // A form post from another site is refused even with the cookie.
      const csrf = await fetch(`${server.url}codes`, {
        method: 'POST',
        body: 'note=x',
        headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(csrf.status).toBe(403);
      expect(await hq.devices.codes()).toHaveLength(1);

      const imp = await fetch(`${server.url}import`, {
        method: 'POST',
        body: readFileSync(bundle),
        headers: { cookie, 'content-type': 'application/octet-stream' },
      });
      const j = (await imp.json()) as { ok: boolean; message: string; receiptsUrl: string };
      expect(j).toMatchObject({ ok: true, message: expect.stringContaining('已导入 2 个封存') });
      const receipts = await (await fetch(`${server.url}${j.receiptsUrl.slice(1)}`, { headers: { cookie } })).text();
      expect(await t.must('sync.importReceipts', { text: receipts })).toEqual({ stored: 2, already: 0 });
      const cases = await (await fetch(`${server.url}cases`, { headers: { cookie } })).text();
      expect(cases).toContain('柳州市星河网络科技有限公司');
      const doc = t.core.seals.rows()[1]!.document_id;
      const page = await (await fetch(`${server.url}documents/${doc}`, { headers: { cookie } })).text();
      expect(page).toContain('核验通过');
      // What a scanner reads off the printed page's seal QR code finds the document; an unknown seal says so.
      const seal = t.core.seals.rows()[1]!;
      const scanned = await fetch(
        `${server.url}cases?q=${encodeURIComponent(sealQrText({ seq: seal.seq, sha256: seal.hash_sha256 }))}`,
        { headers: { cookie }, redirect: 'manual' },
      );
      expect(scanned.status).toBe(303);
      expect(scanned.headers.get('location')).toBe(`/documents/${doc}`);
      const unknown = await fetch(`${server.url}cases?q=${'0'.repeat(64)}`, { headers: { cookie } });
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('总部没有收到封存校验值为');
      const devicePage = await (
        await fetch(`${server.url}devices/${t.core.device.public().deviceId}?verify=1`, { headers: { cookie } })
      ).text();
      expect(devicePage).toContain('封存链 1–2 连续');
      expect(devicePage.match(/<td class="ok">通过<\/td>/g)).toHaveLength(2);
      const pdf = await fetch(`${server.url}documents/${doc}/pdf`, { headers: { cookie } });
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    },
  );
});

describe('reference data from HQ', () => {
  it(
    'roster, holidays and catalog versions are pulled, signature-checked and kept; a newer catalog is used at once and after a restart; a tampered one is refused',
    { timeout: 90_000 },
    async () => {
      const hq = await hqProcess();
      const t = device();
      await sealedDevice(t, 1);
      await t.must('sync.enroll', { url: hq.url, code: enrollmentCode(hq.dataDir) });
      const files = mkdtempSync(join(tmpdir(), 'field-ref-'));
      cleanups.push(() => rmSync(files, { recursive: true, force: true }));
      const catalog = JSON.parse(
        readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'catalog', 'catalog.json'), 'utf8'),
      ) as { version: string; matters: { aliases: string[] }[] };
      catalog.version = '2099.1.1';
      // A matter's name is printed on documents: a package may not rename one (docs/LAW.md); an alias it may add.
      catalog.matters[0]!.aliases.push('总部修订的别名');
      writeFileSync(join(files, 'catalog.json'), JSON.stringify(catalog));
      const calendar = JSON.parse(
        readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'calendar', 'calendar.json'), 'utf8'),
      ) as { version: string };
      writeFileSync(join(files, 'holidays.json'), JSON.stringify({ ...calendar, version: '2026.99' }));
      // A holiday table that is not one is refused at HQ, in Chinese, and nothing is published.
      writeFileSync(
        join(files, 'bad-holidays.json'),
        JSON.stringify({ year: 2027, holidays: ['2027-01-01'], workdays: [] }),
      );
      const bad = hqCli(hq.dataDir, ['publish', 'holidays', join(files, 'bad-holidays.json')]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('节假日表格式不符，未发布');
      // A catalog of the old format (no dated law versions, docs/LAW.md) is refused at HQ: devices would not use it.
      const { format: _format, provisions: _provisions, ...oldFormat } = catalog as Record<string, unknown>;
      writeFileSync(join(files, 'old-catalog.json'), JSON.stringify(oldFormat));
      const old = hqCli(hq.dataDir, ['publish', 'catalog', join(files, 'old-catalog.json')]);
      expect(old.status).toBe(2);
      expect(old.stderr).toMatch(/执法事项目录未发布：执法事项目录为旧格式/);
      writeFileSync(
        join(files, 'roster.json'),
        JSON.stringify([{ name: '李明', certNo: '45020019001', unit: '柳州市柳南区互联网信息办公室' }]),
      );
      for (const k of ['catalog', 'holidays', 'roster'])
        expect(hqCli(hq.dataDir, ['publish', k, join(files, `${k}.json`)]).status).toBe(0);
      expect(hqCli(hq.dataDir, ['publish', 'roster', join(files, 'roster.json')]).stdout).toContain('第2版');
      expect(await t.core.sync.run()).toMatchObject({ ok: true });
      const s = await t.must('sync.status', {});
      expect(s.reference.map((r) => [r.kind, r.version])).toEqual([
        ['catalog', 1],
        ['holidays', 1],
        ['roster', 2],
      ]);
      // Applied at once by the officers' sync, and still in use after a restart.
      expect(t.core.catalog.version).toBe('2099.1.1');
      t.reopen();
      expect(t.core.catalog.version).toBe('2099.1.1');
      expect(t.core.catalog.get('csl-59')!.aliases).toContain('总部修订的别名');
      expect(t.core.calendar.current()).toMatchObject({ origin: 'hq', hqVersion: 1, data: { version: '2026.99' } });
      // A device enrolled now receives them with its enrollment.
      const late = device();
      await sealedDevice(late, 1);
      const enrolled = await late.must('sync.enroll', { url: hq.url, code: enrollmentCode(hq.dataDir) });
      expect(enrolled.reference.map((r) => [r.kind, r.version])).toEqual([
        ['catalog', 1],
        ['holidays', 1],
        ['roster', 2],
      ]);

      // Someone edits HQ's stored catalog without HQ's key: the device refuses it and keeps its own.
      const db = await probeHq(hq.dataDir, hqDatabaseOf(hq.dataDir));
      await db.run(
        `UPDATE reference_data SET version = 2, data = replace(data, '总部修订', '篡改') WHERE kind = 'catalog'`,
      );
      await db.close();
      const r = await t.core.sync.run();
      expect(r).toMatchObject({ ok: false, kind: 'hq_key' });
      expect(r.message).toContain('执法事项目录数据签名无效');
      t.reopen();
      expect(t.core.catalog.version).toBe('2099.1.1');
    },
  );
});

// HQ's disk fills up during an upload: a real small filesystem (tmpfs) under HQ's data folder.
const smallDisk = mkdtempSync(join(tmpdir(), 'hq-small-disk-'));
const mounted =
  process.platform === 'linux' &&
  (() => {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', smallDisk], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
if (!mounted)
  console.warn('HQ disk-full test skipped: mounting a small tmpfs is not permitted on this machine (needs root)');
afterAll(() => {
  if (mounted) execFileSync('umount', [smallDisk]);
  rmSync(smallDisk, { recursive: true, force: true });
});

describe.skipIf(!mounted)('HQ disk full (6 MB tmpfs; skipped where mounting is not permitted)', () => {
  it(
    'the device is told in Chinese that HQ is out of space; the document whose evidence does not fit is not committed; the laptop keeps everything',
    { timeout: 90_000 },
    async () => {
      const { hq, server } = await inProcessHq(join(smallDisk, 'hq'));
      const t = device();
      await sealedDevice(t, 2, 12 * 1024 * 1024);
      await t.must('sync.enroll', { url: server.url, code: (await hq.devices.createCode('t', '', '')).code });
      const r = await t.core.sync.run();
      expect(r).toMatchObject({ ok: false, kind: 'disk_full' });
      expect(r.message).toContain('磁盘已满');
      // Seal 1 (an inquiry without evidence) went in; seal 2's 12 MiB file does not fit.
      expect((await hq.browse.counts()).seals).toBe(1);
      expect((await t.must('sync.status', {})).outbox.items.map((i) => i.seq)).toEqual([2]);
      expect((await t.must('seals.verify', { documentId: '' })).ok).toBe(true);
    },
  );
});

/** Seals one more 电子取证工作记录 resting on a new evidence file; returns the file's SHA-256. */
async function sealAnotherEvidenceRecord(t: TestCore): Promise<string> {
  const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const caseId = (await t.must('cases.list', {})).items[0]!.id;
  const item = await t.core.evidence.ingest([randomBytes(4096)], {
    caseId,
    fileName: '补充截图.png',
    officerIds: ids,
    meta: { category: '截图' },
  });
  const ev = {
    ...demoEvidence(ids, ids[1]),
    items: [
      {
        id: item.id,
        name: '补充截图.png',
        category: '截图' as const,
        format: 'PNG',
        source: 'https://www.xinghe-news.cn/',
        method: '截屏',
        sizeBytes: String(item.sizeBytes),
        sha256: item.sha256,
        sm3: item.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        evidenceId: item.id,
      },
    ],
  };
  // A later visit's record, after every slot sealedDevice used (the case timeline: the same officers
  // cannot make two records at once), its list produced by a step.
  const id = await signedDocument(t, caseId, 'evidence', inSlot(lawfulEvidence(ev), 20), ids);
  await t.must('seals.seal', { documentId: id, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
  return item.sha256;
}

/** Seals one more document on a device that already has sealed ones (a new visit). */
async function sealAnotherInquiry(t: TestCore): Promise<void> {
  const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const caseId = (await t.must('cases.list', {})).items[0]!.id;
  const id = await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
  await t.must('seals.seal', { documentId: id, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
}
