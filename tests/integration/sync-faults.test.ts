// Sync to HQ under faults — real processes on loopback, no mocks:
//  1. the device's sync process is killed (SIGKILL) in the middle of a large evidence blob; the next
//     sync resumes from the offset HQ holds, and the blob is stored once with HQ's own digests;
//  1b. the sync process is killed as HQ's answer to a batch arrives: the device holds all of the
//     batch's receipts or none, and the next sync completes with HQ's very receipts;
//  2. a TCP proxy cuts connections at random byte counts, round after round, until everything is
//     receipted: every seal once at HQ, every blob verified, HQ's chain without a gap;
//  3. HQ is killed inside a batch's commit transaction; nothing of that batch is visible afterwards,
//     and the device's retry against the restarted HQ completes;
//  4. HQ stopped between a blob's last chunk and its placing (every byte in uploads/): the next sync
//     has HQ finish the blob (this used to leave the seal unsendable for ever).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.ts';
import { SEAL_GENESIS } from '../../protocol/seal/seal-payload.ts';
import { verifyReceipt, type HqKeys, type Receipt } from '../../protocol/sync/protocol.ts';
import { makeCore, type TestCore } from '../support/core-fixture.ts';
import { startCuttingProxy, type Cut } from '../support/cutting-proxy.ts';
import { enrollmentCode, hqDatabaseOf, hqDataDir, sealedDevice, startHq } from '../support/sync-fixture.ts';
import { TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';
import { hqStorageWitness, probeHq } from '../support/hq-probe.ts';
import { UploadParts } from '../../hq/storage/upload-part.ts';

const MiB = 1024 * 1024;
/** Tests 1, 3, 4 start from copies of one device: two sealed documents, the second resting on one evidence file of this size (three chunks). */
const TEMPLATE_EVIDENCE_BYTES = 20 * MiB;
const RUNNER = join(ROOT, 'tests', 'support', 'sync-runner.ts');
const HOLDING_HQ = join(ROOT, 'tests', 'support', 'hq-hold-commit.ts');

/** Test 2: seals on the device (every second one rests on an evidence file of EVIDENCE_BYTES: two chunks). */
const SEALS = 4;
const EVIDENCE_BYTES = 9 * MiB;
/** Test 2: the share of connections cut (besides the few always cut, see the plan). */
const CUT_PROBABILITY = 0.25;
const MIN_ROUNDS = 20;
const MAX_ROUNDS = 300;

describe('sync to HQ under faults', () => {
  let template: { dir: string; documentIds: string[]; evidence: { sha256: string; size: number }[] };
  beforeAll(async () => {
    const t = makeCore({ fastPasswords: true });
    const made = await sealedDevice(t, 2, TEMPLATE_EVIDENCE_BYTES);
    t.core.close();
    template = { dir: t.dir, documentIds: made.documentIds, evidence: made.evidence };
  }, 120_000);
  afterAll(() => rmSync(template.dir, { recursive: true, force: true }));

  /** A copy of the template device (the same device identity: each test has its own HQ), enrolled at HQ through `url`. */
  async function templateDevice(url: string, hqDir: string) {
    const t = makeCore({ fastPasswords: true });
    t.core.close();
    rmSync(t.dir, { recursive: true, force: true });
    cpSync(template.dir, t.dir, { recursive: true });
    await t.adoptCopy();
    await t.core.sync.enroll(url, enrollmentCode(hqDir));
    return { t, documentIds: template.documentIds, evidence: template.evidence };
  }

  it(
    'the sync process killed in the middle of a blob: the next sync resumes from HQ’s offset, the blob is stored once',
    { timeout: 180_000 },
    async () => {
      const hq = await startHq(hqDataDir());
      const { t, evidence } = await templateDevice(hq.url, hq.dataDir);
      const big = evidence[0]!;
      t.core.close();
      try {
        // Run 1, in a child process: killed as soon as HQ has acknowledged the blob's first chunk.
        let acked = 0;
        const sentBytes = new Map<string, number>();
        const first = await runSyncChild(t.dir, (l, child) => {
          if (l.kind === 'send') sentBytes.set(l.words[1]!, Number(l.words[2]));
          const put = l.kind === 'answer' && l.words[0] === 'PUT' ? blobPut(l.words[1]!) : null;
          if (put?.sha === big.sha256 && l.words[2] === '200' && !acked) {
            acked = put.offset + sentBytes.get(l.words[1]!)!;
            child.kill('SIGKILL');
          }
        });
        expect(first.signal).toBe('SIGKILL');
        expect(acked).toBeGreaterThan(0);
        expect(acked).toBeLessThan(big.size);
        // What HQ holds of the blob (once HQ is done with whatever the child had sent): at least what it acknowledged.
        const witness = (await hqStorageWitness(hq.dataDir)).storage;
        const heldByHq = UploadParts.plainSize(await settledSize(witness.partPath(big.sha256)));
        expect(heldByHq).toBeGreaterThanOrEqual(acked);
        expect(heldByHq).toBeLessThan(big.size);

        // Run 2, in a new process, to the end: the blob's chunks start where HQ is — never at 0 —
        // and run contiguously to the end, so HQ receives each remaining byte once and none again.
        const second = await runSyncChild(t.dir);
        expect(second.code).toBe(0);
        expect([second.lines.at(-1)?.kind, second.lines.at(-1)?.words[0]], JSON.stringify(second.lines.at(-1))).toEqual(
          ['done', 'ok'],
        );
        const puts = second.lines
          .filter((l) => l.kind === 'send' && l.words[0] === 'PUT')
          .map((l) => ({ ...blobPut(l.words[1]!)!, bytes: Number(l.words[2]) }))
          .filter((p) => p.sha === big.sha256);
        expect(puts[0]!.offset).toBe(heldByHq);
        let at = heldByHq;
        for (const p of puts) {
          expect(p.offset).toBe(at);
          at += p.bytes;
        }
        expect(at).toBe(big.size);
        expect(second.lines.some((l) => l.kind === 'answer' && l.words[2] === '409')).toBe(false);

        t.reopen();
        await expectAllReceipted(t, hq.dataDir);
        // Stored once: one file, one row, HQ's SHA-256 and SM3 (recomputed by HQ, and here from HQ's
        // file in expectAllReceipted) are the device's own.
        expect(filesUnder(join(hq.dataDir, 'blobs')).filter((f) => f === witness.blobPath(big.sha256))).toHaveLength(1);
        const db = await probeHq(hq.dataDir, hqDatabaseOf(hq.dataDir));
        try {
          expect(await db.all(`SELECT sha256, sm3, size FROM blobs WHERE sha256 = ?`, big.sha256)).toEqual([
            t.core.db.prepare(`SELECT sha256, sm3, size_bytes AS size FROM evidence WHERE sha256 = ?`).get(big.sha256),
          ]);
        } finally {
          await db.close();
        }
      } finally {
        await hq.stop();
        t.dispose();
        rmSync(hq.dataDir, { recursive: true, force: true });
      }
    },
  );

  it(
    'the sync process killed as HQ answers a batch: the device holds all of its receipts or none, and the next sync completes with the same receipts',
    { timeout: 180_000 },
    async () => {
      const hq = await startHq(hqDataDir());
      const { t } = await templateDevice(hq.url, hq.dataDir);
      t.core.close();
      try {
        // Run 1, in a child: killed the moment HQ's answer to the batch (both seals) arrives.
        const first = await runSyncChild(t.dir, (l, child) => {
          if (l.kind === 'answer' && l.words[0] === 'POST' && /\/seals\/batch\?count=2$/.test(l.words[1]!))
            child.kill('SIGKILL');
        });
        expect(first.signal).toBe('SIGKILL');
        t.reopen();
        // HQ committed the batch whole; the device stored its receipts in one transaction or not at all.
        const db = await probeHq(hq.dataDir, hqDatabaseOf(hq.dataDir));
        let hqReceipts: string[];
        try {
          hqReceipts = ((await db.all(`SELECT receipt FROM seals ORDER BY seq`)) as { receipt: string }[]).map(
            (r) => r.receipt,
          );
        } finally {
          await db.close();
        }
        expect(hqReceipts).toHaveLength(2);
        const kept = t.core.db.prepare(`SELECT count(*) AS n FROM receipts`).get() as { n: number };
        expect([0, 2]).toContain(kept.n);

        // Run 2 sends what has no receipt again; HQ answers with the receipts it gave, nothing stored twice.
        t.core.close();
        const second = await runSyncChild(t.dir);
        expect(second.code).toBe(0);
        expect(second.lines.at(-1)?.words[0], JSON.stringify(second.lines.at(-1))).toBe('ok');
        t.reopen();
        await expectAllReceipted(t, hq.dataDir);
        expect(
          (t.core.db.prepare(`SELECT receipt FROM receipts ORDER BY seal_seq`).all() as { receipt: string }[]).map(
            (r) => r.receipt,
          ),
        ).toEqual(hqReceipts);
      } finally {
        await hq.stop();
        t.dispose();
        rmSync(hq.dataDir, { recursive: true, force: true });
      }
    },
  );

  it(
    `connections cut at random byte counts, ${MIN_ROUNDS}+ rounds: everything receipted once, verified, without a gap`,
    { timeout: 240_000 },
    async () => {
      const seed = Math.floor(Math.random() * 2 ** 31);
      const random = mulberry32(seed);
      const hq = await startHq(hqDataDir());
      const proxy = await startCuttingProxy(hq.url);
      // Enrolled through the proxy (left whole for that): the device knows HQ only by the proxy's address.
      const { t } = await enrolledDevice(proxy.url, hq.dataDir, SEALS, EVIDENCE_BYTES);
      const always = new Set<string>();
      proxy.plan = (r) => {
        // Each of these is cut the first time it comes, at a random byte: HQ has committed a seal, or
        // stored a blob's last chunk, and the answer is lost; a full chunk is torn on its way to HQ.
        const put = r.method === 'PUT' ? blobPut(r.path) : null;
        const kind =
          r.method === 'POST' && /\/seals(\/batch\?count=\d+)?$/.test(r.path)
            ? 'commit'
            : !put
              ? null
              : put.offset + r.requestBytes > put.total
                ? 'last-chunk'
                : 'full-chunk';
        if (kind && !always.has(kind)) {
          always.add(kind);
          return { phase: kind === 'full-chunk' ? 'request' : 'response', fraction: random() };
        }
        if (random() >= CUT_PROBABILITY) return null;
        return { phase: random() < 0.5 ? 'request' : 'response', fraction: random() } satisfies Cut;
      };
      const outcomes: string[] = [];
      const about = () =>
        `seed ${seed}; outcomes ${outcomes.join(' ')}; cuts ${proxy.cuts.map((c) => `${c.method} ${c.path.replace(/[0-9a-f]{64}/, (h) => h.slice(0, 8))} ${c.cut.phase} ${c.passed}/${c.of}`).join(', ')}`;
      try {
        while (outcomes.length < MIN_ROUNDS || t.core.sync.outboxRows().length) {
          expect(outcomes.length, `not done: ${about()}`).toBeLessThan(MAX_ROUNDS);
          const o = await t.core.sync.run();
          outcomes.push(o.ok ? 'ok' : o.kind!);
        }
        expect(always, about()).toEqual(new Set(['commit', 'last-chunk', 'full-chunk']));
        expect(proxy.cuts.length, about()).toBeGreaterThanOrEqual(5);
        expect(new Set(proxy.cuts.map((c) => c.cut.phase)), about()).toEqual(new Set(['request', 'response']));
        // Whole again: the device sees nothing left to send.
        proxy.plan = () => null;
        expect(await t.core.sync.run(), about()).toMatchObject({ ok: true, message: '同步完成：没有待同步的文书。' });
        await expectAllReceipted(t, hq.dataDir);
      } catch (e) {
        console.error(about());
        throw e;
      } finally {
        await proxy.close();
        await hq.stop();
        t.dispose();
        rmSync(hq.dataDir, { recursive: true, force: true });
      }
    },
  );

  it(
    'HQ killed inside a batch’s commit transaction: nothing of the batch is visible, the device’s retry completes',
    { timeout: 180_000 },
    async () => {
      const hqDir = hqDataDir();
      // Both seals go in one batch, after seal 2's evidence: HQ is killed inside the batch's
      // transaction, every row of both seals written, none committed. The hold (2 minutes) cannot
      // end before the kill.
      const holding = await startHoldingHq(hqDir, 1, (line, child) => {
        if (line === 'committing 1') child.kill('SIGKILL');
      });
      const { t, documentIds, evidence } = await templateDevice(holding.url, hqDir);
      try {
        const deviceId = t.core.device.public().deviceId;
        const first = await t.core.sync.run();
        expect(await holding.exited).toEqual({ signal: 'SIGKILL', lines: ['committing 1'] });
        expect(first).toMatchObject({ ok: false, kind: 'unreachable' });
        expect(t.core.db.prepare(`SELECT seal_seq FROM receipts`).all()).toEqual([]);

        // HQ's database as the crash left it (opened as a restarted HQ would: the journal is rolled back).
        const db = await probeHq(hqDir, hqDatabaseOf(hqDir));
        try {
          expect(await db.problems()).toEqual([]);
          expect(await db.all(`SELECT seq, hq_seq FROM seals`)).toEqual([]);
          for (const table of ['documents', 'seal_evidence', 'seal_signatures', 'record_owners', 'cases'])
            expect(await db.get(`SELECT count(*) AS n FROM ${table} WHERE device_id = ?`, deviceId), table).toEqual({
              n: 0,
            });
          for (const id of documentIds)
            expect(await db.get(`SELECT count(*) AS n FROM documents WHERE id = ?`, id)).toEqual({ n: 0 });
          expect(await db.all(`SELECT kind, detail FROM flags`)).toEqual([]);
          // The evidence went up before the commit and stays: it is not part of the batch's transaction.
          expect(await db.get(`SELECT sha256 FROM blobs WHERE sha256 = ?`, evidence[0]!.sha256)).toEqual({
            sha256: evidence[0]!.sha256,
          });
        } finally {
          await db.close();
        }

        // HQ restarted normally on the same folder and port: the device's next sync completes.
        const hq = await startHq(hqDir, ['--port', new URL(holding.url).port]);
        try {
          expect(hq.url).toBe(holding.url);
          const second = await t.core.sync.run();
          expect(second, JSON.stringify(second)).toMatchObject({ ok: true });
          await expectAllReceipted(t, hqDir);
        } finally {
          await hq.stop();
        }
      } finally {
        holding.child.kill('SIGKILL');
        t.dispose();
        rmSync(hqDir, { recursive: true, force: true });
      }
    },
  );

  it(
    'HQ stopped between a blob’s last chunk and its placing: the next sync has HQ finish the blob',
    { timeout: 120_000 },
    async () => {
      // The state HQ leaves when it stops after the fsync of a blob's last chunk and before the re-hash
      // and rename that place it: its upload file (uploads/NAME.part, encrypted) holds every byte. HQ then answers `stored: false`
      // with the whole size as its offset; the device must still send the (empty) last chunk that has
      // HQ re-hash and place the blob, or the seal can never be committed.
      const hq = await startHq(hqDataDir());
      const { t, evidence } = await templateDevice(hq.url, hq.dataDir);
      try {
        const sha = evidence[0]!.sha256;
        // Every plaintext byte, as HQ's upload would hold it (read through the store: the local file is encrypted).
        const size = t.core.evidence.blobs.plainSize(sha);
        const { storage, parts } = await hqStorageWitness(hq.dataDir);
        const part = await parts.open(storage.partPath(sha));
        await part.writer(0).write(await t.core.evidence.blobs.readRange(sha, 0, size));
        await part.fh.sync();
        await part.fh.close();
        const r = await t.core.sync.run();
        expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
        await expectAllReceipted(t, hq.dataDir);
      } finally {
        await hq.stop();
        t.dispose();
        rmSync(hq.dataDir, { recursive: true, force: true });
      }
    },
  );
});

/** A device with `documents` sealed documents (see sealedDevice), enrolled at HQ through `url`. */
async function enrolledDevice(url: string, hqDir: string, documents: number, evidenceBytes: number) {
  const t = makeCore({ fastPasswords: true });
  const made = await sealedDevice(t, documents, evidenceBytes);
  await t.core.sync.enroll(url, enrollmentCode(hqDir));
  return { t, ...made };
}

interface RunnerLine {
  kind: string;
  words: string[];
}

/** Runs tests/support/sync-runner.ts on a device's data folder; `onLine` sees each line as it comes (and may kill). */
function runSyncChild(
  dataDir: string,
  onLine: (l: RunnerLine, child: ChildProcess) => void = () => {},
): Promise<{ lines: RunnerLine[]; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUNNER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: RunnerLine[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const p of parts) {
        const [kind = '', ...words] = p.split(' ');
        lines.push({ kind, words });
        onLine({ kind, words }, child);
      }
    });
    child.on('exit', (code, signal) => resolve({ lines, code, signal }));
  });
}

/** Starts tests/support/hq-hold-commit.ts (HQ holding its `hold`th commit open) and waits for its ready line. */
function startHoldingHq(
  dataDir: string,
  hold: number,
  onLine: (line: string, child: ChildProcess) => void,
): Promise<{ url: string; child: ChildProcess; exited: Promise<{ signal: NodeJS.Signals | null; lines: string[] }> }> {
  return new Promise((resolve, reject) => {
    const db = hqDatabaseOf(dataDir);
    const child = spawn(process.execPath, [HOLDING_HQ, dataDir, '0', String(hold), '120000', ...(db ? [db] : [])], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, HQ_PASSPHRASE: TEST_HQ_PASSPHRASE },
    });
    const lines: string[] = [];
    const exited = new Promise<{ signal: NodeJS.Signals | null; lines: string[] }>((r) =>
      child.once('exit', (_code, signal) => r({ signal, lines })),
    );
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const line of parts) {
        const m = /^hq ready: (\S+)/.exec(line);
        if (m) resolve({ url: m[1]!, child, exited });
        else {
          lines.push(line);
          onLine(line, child);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`holding HQ exited (${code}) before it was ready`)));
  });
}

/** PUT /api/v1/blobs/SHA?offset=N&length=T → its parts. */
function blobPut(path: string): { sha: string; offset: number; total: number } | null {
  const m = /\/api\/v1\/blobs\/([0-9a-f]{64})\?offset=(\d+)&length=(\d+)$/.exec(path);
  return m ? { sha: m[1]!, offset: Number(m[2]), total: Number(m[3]) } : null;
}

/** A file's size once it has not changed for a while (HQ may still be writing a chunk it had received whole). */
async function settledSize(path: string): Promise<number> {
  let size = statSync(path).size;
  for (let stable = 0; stable < 5;) {
    await new Promise((r) => setTimeout(r, 50));
    const now = statSync(path).size;
    stable = now === size ? stable + 1 : 0;
    size = now;
  }
  return size;
}

async function digestsOf(plain: AsyncIterable<Buffer>): Promise<{ sha256: string; sm3: string; size: number }> {
  const a = createHash('sha256');
  const b = createHash('sm3');
  let size = 0;
  for await (const c of plain) {
    a.update(c);
    b.update(c);
    size += c.length;
  }
  return { sha256: a.digest('hex'), sm3: b.digest('hex'), size };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const bySha = <T extends { sha256: string }>(a: T, b: T) => a.sha256.localeCompare(b.sha256);

/**
 * What must hold once a device's outbox is empty. At HQ: each of the device's seals once, seq 1..n,
 * with the device's hashes, each linked to the one before (no gap, no open flag), with its
 * document; exactly the blobs the seals name (their evidence), each one file in
 * blobs/ whose SHA-256 and SM3, recomputed here, are HQ's row — and, for evidence, the device's;
 * no upload left over; the database sound. On the device: a receipt per seal, valid for HQ's
 * pinned keys and naming the device's own seal.
 */
async function expectAllReceipted(t: TestCore, hqDir: string): Promise<void> {
  const deviceId = t.core.device.public().deviceId;
  const link = t.core.db.prepare(`SELECT * FROM hq_link`).get() as {
    hq_id: string;
    hq_name: string;
    hq_ed25519_pem: string;
    hq_sm2_public: string;
  };
  const keys: HqKeys = {
    hqId: link.hq_id,
    name: link.hq_name,
    ed25519PublicKeyPem: link.hq_ed25519_pem,
    sm2PublicKey: link.hq_sm2_public,
  };
  const seals = t.core.db.prepare(`SELECT seq, hash_sha256, hash_sm3 FROM seals ORDER BY seq`).all() as {
    seq: number;
    hash_sha256: string;
    hash_sm3: string;
  }[];
  const receipts = t.core.db.prepare(`SELECT * FROM receipts ORDER BY seal_seq`).all() as {
    seal_seq: number;
    seal_sha256: string;
    receipt: string;
    ed25519: string;
    sm2: string;
  }[];
  expect(t.core.sync.outboxRows()).toEqual([]);
  expect(seals.map((s) => s.seq)).toEqual(seals.map((_, i) => i + 1));
  expect(receipts.map((r) => r.seal_seq)).toEqual(seals.map((s) => s.seq));

  const db = await probeHq(hqDir, hqDatabaseOf(hqDir));
  try {
    expect(await db.problems()).toEqual([]);
    const hqSeals = (await db.all(
      `SELECT device_id, seq, hq_seq, hash_sha256, hash_sm3, prev_hash, receipt, print_input FROM seals ORDER BY seq`,
    )) as {
      device_id: string;
      seq: number;
      hq_seq: number;
      hash_sha256: string;
      hash_sm3: string;
      prev_hash: string;
      receipt: string;
      print_input: string | null;
    }[];
    expect(hqSeals.map((s) => [s.device_id, s.seq])).toEqual(seals.map((s) => [deviceId, s.seq]));
    expect(new Set(hqSeals.map((s) => s.hq_seq)).size).toBe(hqSeals.length);
    for (const [i, s] of hqSeals.entries()) {
      expect([s.hash_sha256, s.hash_sm3]).toEqual([seals[i]!.hash_sha256, seals[i]!.hash_sm3]);
      expect(s.prev_hash, `HQ's link of seal ${s.seq}`).toBe(i === 0 ? SEAL_GENESIS : hqSeals[i - 1]!.hash_sha256);
      expect((JSON.parse(s.receipt) as Receipt).chainComplete, `seal ${s.seq} received after a gap`).toBe(true);
      expect(s.print_input, `seal ${s.seq}'s print input`).not.toBeNull();
    }
    expect(await db.all(`SELECT kind, detail FROM flags`)).toEqual([]);
    expect(await db.all(`SELECT seq FROM documents WHERE device_id = ? ORDER BY seq`, deviceId)).toEqual(
      seals.map((s) => ({ seq: s.seq })),
    );

    const blobs = (await db.all(`SELECT sha256, sm3, size FROM blobs ORDER BY sha256`)) as {
      sha256: string;
      sm3: string;
      size: number;
    }[];
    const evidence = (
      (await db.all(`SELECT DISTINCT sha256 FROM seal_evidence WHERE device_id = ?`, deviceId)) as { sha256: string }[]
    ).map((e) => e.sha256);
    expect(blobs.map((b) => b.sha256)).toEqual([...new Set(evidence)].sort());
    // Each one file, under its keyed name, whose plaintext (decrypted here) hashes to HQ's row.
    const witness = (await hqStorageWitness(hqDir)).storage;
    expect(filesUnder(join(hqDir, 'blobs')).sort()).toEqual(blobs.map((b) => witness.blobPath(b.sha256)).sort());
    for (const b of blobs) expect(await digestsOf(witness.read(b.sha256)), `blob ${b.sha256}`).toEqual(b);
    const onDevice = t.core.db.prepare(`SELECT DISTINCT sha256, sm3, size_bytes AS size FROM evidence`).all() as {
      sha256: string;
      sm3: string;
      size: number;
    }[];
    expect(blobs.filter((b) => evidence.includes(b.sha256)).sort(bySha)).toEqual(onDevice.sort(bySha));
    expect(readdirSync(join(hqDir, 'uploads'))).toEqual([]);
  } finally {
    await db.close();
  }

  for (const [i, r] of receipts.entries()) {
    const signed = { receipt: JSON.parse(r.receipt) as Receipt, ed25519: r.ed25519, sm2: r.sm2 };
    expect(verifyReceipt(signed, keys), `receipt ${r.seal_seq}`).toEqual([]);
    expect(signed.receipt).toMatchObject({
      deviceId,
      seq: seals[i]!.seq,
      sealSha256: seals[i]!.hash_sha256,
      sealSm3: seals[i]!.hash_sm3,
      chainComplete: true,
    });
  }
}

/** A small seeded generator: a failing run prints its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
