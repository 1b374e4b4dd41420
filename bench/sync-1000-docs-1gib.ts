// sync-1000-docs-1gib: a device core syncs 1,000 sealed documents resting on 1 GiB of evidence to a
// real HQ process (scripts/hq.ts) over loopback: SyncService.run() from the first request to the
// last receipt — each evidence blob by SHA-256 in 8 MiB chunks, the seal packages (the seal, its
// signature records with their images, the document's print input: HQ prints the PDF itself)
// committed in batches (POST /seals/batch, one transaction each), every receipt verified and stored.
// Reference, same run, same HQ process: curl PUTting the same number of bytes in the same requests,
// blob for blob of the same sizes — each evidence file, and each commit request's body (a batch) —
// (fresh random bytes, so HQ cannot skip them as held), in the same 8 MiB chunks, to
// the same blob endpoint, each request with valid device signature headers computed beforehand —
// so HQ's signature check, fsync and re-hash (SHA-256 + SM3) are on both sides. Reported as time
// (ms, ratio = sync / curl, lower is better) and as throughput (MiB/s of evidence + package bytes,
// ratio = sync / curl, higher is better).
//
// Sized by SYNC_BENCH_DOCS (documents, default 1000), SYNC_BENCH_BYTES (evidence bytes, default
// 1 GiB) and SYNC_BENCH_FILES (evidence files, default 64, spread evenly over the 电子取证工作记录).
// Preparing the device (documents, signatures, 1 GiB of evidence imported with SHA-256 + SM3,
// sealing) takes minutes, so its data folder is kept in .bench-cache/ (git-ignored), keyed by
// those sizes, FORMAT and the database schema (the migrations' source); each run works on a copy
// (the database copied, the evidence blobs hard-linked: sync only reads them). Delete
// .bench-cache/ to rebuild.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomFillSync, randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppCore } from '../core/app-core.ts';
import { openWithPassword } from '../core/vault/open-unlocked.ts';
import { MIGRATIONS } from '../core/db/migrations/index.ts';
import { silentLog } from '../protocol/runtime/log.ts';
import type { SealPayload } from '../protocol/seal/seal-payload.ts';
import { requiredSlots } from '../core/signatures/required-slots.ts';
import { binding, sha256Hex, strokesText } from '../protocol/seal/signature-binding.ts';
import { HqClient, JsonBody } from '../core/sync/hq-client.ts';
import { API, CHUNK_BYTES, H, requestSigningText } from '../protocol/sync/protocol.ts';
import { ROOT } from '../scripts/build.ts';
import { demoEvidence, demoInquiry } from '../scripts/demo-documents.ts';
import { syntheticSignature } from '../scripts/demo-signatures.ts';
import {
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../tests/support/core-fixture.ts';
import { enrollmentCode, hqDataDir, startHq } from '../tests/support/sync-fixture.ts';
import { inSlot, lawfulEvidence } from '../tests/support/lawful-samples.ts';
import { result, round, type Benchmark } from './harness.ts';

/** Bump when what the prepared device holds changes shape (the cache is rebuilt). */
const FORMAT = 2; // 2: encrypted database and evidence (security issue)
const CACHE = join(ROOT, '.bench-cache');
const MiB = 1024 * 1024;
const CURL = '/usr/bin/curl';

export interface Config {
  docs: number;
  bytes: number;
  files: number;
}

function config(): Config {
  const docs = Number(process.env.SYNC_BENCH_DOCS ?? 1000);
  const bytes = Number(process.env.SYNC_BENCH_BYTES ?? 1024 * MiB);
  const files = Number(process.env.SYNC_BENCH_FILES ?? 64);
  const evidenceDocs = Math.floor(docs / 2);
  if (!(Number.isInteger(docs) && docs >= 2)) throw new Error('SYNC_BENCH_DOCS: a whole number ≥ 2');
  if (!(Number.isInteger(files) && files >= 1 && files <= evidenceDocs))
    throw new Error(
      `SYNC_BENCH_FILES: a whole number from 1 to ${evidenceDocs} (one file per 电子取证工作记录 at most)`,
    );
  if (!(Number.isInteger(bytes) && bytes >= files))
    throw new Error('SYNC_BENCH_BYTES: a whole number ≥ SYNC_BENCH_FILES');
  return { docs, bytes, files };
}

const META = {
  category: '视频' as const,
  description: '现场录像',
  source: '执法记录仪',
  method: '复制',
  timeSourceNote: '',
  provider: { name: '', idNumber: '', statement: false },
  original: true,
  copy: { method: '', madeAt: '', madeBy: '' },
};

/** `size` bytes of fresh random data, 1 MiB at a time (for the importer to read once). */
function* randomChunks(size: number): Generator<Uint8Array> {
  for (let done = 0; done < size; done += MiB) yield randomFillSync(Buffer.allocUnsafe(Math.min(MiB, size - done)));
}

/**
 * Signs every required slot of a document that has been put to signing. The signature rows are
 * written directly with their real bindings, as seal-1000 does: the officers' scrypt password
 * checks (one per officer slot, ~0.6 s per document) are not what sync is about. Sealing and HQ
 * verify these signatures like any other.
 */
function signAllSlots(t: TestCore, documentId: string, ceremonyId: string, ids: string[]): void {
  const sig = syntheticSignature('张𠮷㵘', 1);
  const strokes = strokesText(sig.strokes);
  const frozen = t.core.documents.frozen(documentId)!;
  const now = new Date().toISOString();
  // A late sitting's reason goes with each of its signatures, as the signing screen's do (the case
  // timeline counts a late signature without one as 事后补签 and sealing refuses it).
  const { late_reason: lateReason } = t.core.db
    .prepare(`SELECT late_reason FROM signing_ceremonies WHERE id = ?`)
    .get(ceremonyId) as { late_reason: string };
  const insert = t.core.db.prepare(
    `INSERT INTO signatures (id, document_id, ceremony_id, slot_id, page, page_count, status, role, signer_name, signer_id_number, officer_id, signed_at, doc_sha256, doc_sm3, image_png, image_sha256, strokes_json, strokes_sha256, reason, confirmed_by, witness_signature_id, binding_sha256, binding_sm3)
     VALUES (?, ?, ?, ?, ?, ?, 'signed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', NULL, ?, ?)`,
  );
  t.core.db.transaction(() => {
    for (const slot of requiredSlots(t.core.pdf.layout(t.core.documents.get(documentId)))) {
      const f = {
        id: randomUUID(),
        documentId,
        ceremonyId,
        slotId: slot.slotId,
        page: slot.page,
        pageCount: frozen.pages,
        status: 'signed' as const,
        role: slot.role,
        signerName: slot.signerName || '张𠮷㵘',
        signerIdNumber: '',
        officerId: slot.officerId,
        signedAt: now,
        docSha256: frozen.sha256,
        docSm3: frozen.sm3,
        imageSha256: sha256Hex(sig.png),
        strokesSha256: sha256Hex(strokes),
        reason: lateReason,
        confirmedBy: [],
        witnessSignatureId: null,
      };
      const b = binding(f);
      insert.run(
        f.id,
        f.documentId,
        f.ceremonyId,
        f.slotId,
        f.page,
        f.pageCount,
        f.role,
        f.signerName,
        f.signerIdNumber,
        f.officerId,
        f.signedAt,
        f.docSha256,
        f.docSm3,
        sig.png,
        f.imageSha256,
        strokes,
        f.strokesSha256,
        f.reason,
        b.sha256,
        b.sm3,
      );
    }
    t.core.documents.markSigned(documentId, now, ids);
  })();
}

/**
 * A set-up device with `docs` sealed documents, ten per case, alternately 询问笔录 and
 * 电子取证工作记录; `files` of the 电子取证工作记录 (spread evenly) each list one imported evidence
 * file, together `bytes` bytes; the others list items held elsewhere (no file on this device).
 */
export async function prepareDevice(dir: string, c: Config): Promise<void> {
  const t = makeCore();
  try {
    await setUpPair(t);
    const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
    const evidenceDocs = Math.floor(c.docs / 2);
    const documentIds: string[] = [];
    let caseId = '';
    let e = 0;
    let f = 0;
    for (let i = 0; i < c.docs; i++) {
      if (i % 10 === 0)
        caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59', { title: `同步基准测试案件${i / 10 + 1}` })))
          .id;
      const type = i % 2 === 1 ? 'evidence' : 'inquiry';
      let content: Record<string, unknown>;
      if (type === 'inquiry') content = demoInquiry(ids[0], ids[1]);
      else {
        content = demoEvidence(ids, ids[1]);
        // Does this 电子取证工作记录 carry the next file? (files spread evenly over the evidence documents)
        if (Math.floor(((e + 1) * c.files) / evidenceDocs) > f) {
          const size = Math.floor(c.bytes / c.files) + (f < c.bytes % c.files ? 1 : 0);
          const name = `现场录像-${String(f + 1).padStart(3, '0')}.mp4`;
          const item = await t.core.evidence.ingest(randomChunks(size), {
            caseId,
            fileName: name,
            officerIds: ids,
            meta: META,
          });
          content.items = [
            {
              id: 'e1',
              name,
              category: '视频',
              format: 'MP4',
              source: '执法记录仪',
              method: '复制',
              sizeBytes: String(item.sizeBytes),
              sha256: item.sha256,
              sm3: item.sm3,
              time: '2026-11-20T09:00',
              medium: '本机',
              evidenceId: item.id,
            },
          ];
          f++;
        }
        e++;
      }
      // Lawful for the case timeline: each record of the pair in its own slot of the day, the
      // 电子取证工作记录 with a witness who is not the party's and a step producing its list.
      if (type === 'evidence') content = lawfulEvidence(content as never) as Record<string, unknown>;
      content = inSlot(content as { startTime: string; endTime: string }, i % 10);
      const d = await t.must('documents.create', { caseId, type });
      await t.must('documents.save', { id: d.id, revision: d.revision, content });
      await t.must('documents.markReady', { id: d.id });
      const { ceremonyId } = await t.must('signing.start', {
        documentId: d.id,
        recording: false,
        noRecordingReason: '基准测试数据',
        // The samples are of November; signed today, so late, with the reason recorded.
        lateReason: '基准测试数据：补录签名',
      });
      signAllSlots(t, d.id, ceremonyId, ids);
      documentIds.push(d.id);
      if ((i + 1) % 100 === 0) console.log(`    prepared ${i + 1}/${c.docs} documents`);
    }
    if (f !== c.files) throw new Error(`placed ${f} of ${c.files} evidence files`);
    await t.core.seals.sealMany(documentIds, [OFFICER_A.password, OFFICER_B.password]);
    t.core.close();
    copyTree(t.dir, dir, false);
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
}

/** Copies a data folder; with `linkBlobs`, evidence blobs are hard-linked (sync only reads them). */
export function copyTree(from: string, to: string, linkBlobs: boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, entry.name);
    const b = join(to, entry.name);
    if (entry.isDirectory()) copyTree(a, b, linkBlobs || (entry.name === 'blobs' && from.endsWith('evidence')));
    else if (linkBlobs) {
      try {
        linkSync(a, b);
      } catch {
        copyFileSync(a, b);
      }
    } else copyFileSync(a, b);
  }
}

/** The device database's schema (its migrations' source): part of every prepared device's cache key, so a cached database from other migrations is not reused. */
export const deviceSchemaKey = () =>
  sha256Hex(MIGRATIONS.map((m) => `${m.version} ${m.name} ${m.up.toString()}`).join('\n')).slice(0, 12);

/** The prepared device's data folder (made once per configuration) and how long making it took. */
async function cachedDevice(c: Config): Promise<{ dir: string; prepMs: number; fresh: boolean }> {
  const schema = deviceSchemaKey();
  const key = `sync-v${FORMAT}-${schema}-${c.docs}docs-${c.bytes}b-${c.files}files`;
  const dir = join(CACHE, key);
  const done = join(dir, 'prepared.json');
  if (existsSync(done))
    return {
      dir: join(dir, 'device'),
      prepMs: (JSON.parse(readFileSync(done, 'utf8')) as { prepMs: number }).prepMs,
      fresh: false,
    };
  console.log(
    `  preparing the device once (${c.docs} sealed documents, ${fmtBytes(c.bytes)} of evidence in ${c.files} files) into .bench-cache/${key}/`,
  );
  // An older preparation of the same size (another schema or FORMAT) is stale: free its space.
  for (const e of existsSync(CACHE) ? readdirSync(CACHE) : [])
    if (e.startsWith('sync-v') && e.endsWith(`-${c.docs}docs-${c.bytes}b-${c.files}files`) && e !== key)
      rmSync(join(CACHE, e), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const t0 = performance.now();
  await prepareDevice(join(building, 'device'), c);
  const prepMs = performance.now() - t0;
  writeFileSync(
    join(building, 'prepared.json'),
    JSON.stringify({ ...c, format: FORMAT, prepMs: Math.round(prepMs), at: new Date().toISOString() }, null, 2) + '\n',
  );
  renameSync(building, dir);
  return { dir: join(dir, 'device'), prepMs, fresh: true };
}

const fmtBytes = (n: number) => (n >= 1024 * MiB ? `${round(n / 1024 / MiB)} GiB` : `${round(n / MiB)} MiB`);

/** Where sync's time goes: each HQ round trip by kind (from the request's signing to its answer). */
interface Breakdown {
  [kind: string]: { n: number; ms: number; bytes: number };
}

/** How long at least one HQ request was in flight (requests overlap: a batch commits while the next evidence goes up). */
function inFlight(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** Times every HQ round trip; records the size of each commit request sent (a batch of seal packages, or one). */
function instrument(b: Breakdown, packageSizes: number[], spans: [number, number][]): () => void {
  const add = (kind: string, ms: number, bytes: number) => {
    const k = (b[kind] ??= { n: 0, ms: 0, bytes: 0 });
    k.n++;
    k.ms += ms;
    k.bytes += bytes;
  };
  const proto = HqClient.prototype;
  const call = proto.call;
  proto.call = async function (this: HqClient, ...args: Parameters<HqClient['call']>) {
    const t0 = performance.now();
    try {
      return await call.apply(this, args);
    } finally {
      const [method, pathAndQuery, body] = args;
      const path = pathAndQuery.replace(/\?.*/, '');
      const blob = /\/blobs\/([0-9a-f]{64})$/.exec(path);
      const size =
        body === undefined
          ? 0
          : Buffer.isBuffer(body)
            ? body.length
            : body instanceof JsonBody
              ? body.bytes.length
              : Buffer.byteLength(JSON.stringify(body));
      if (method === 'POST' && /\/seals(\/batch)?$/.test(path)) packageSizes.push(size);
      spans.push([t0, performance.now()]);
      add(
        blob ? `${method} blob ${method === 'PUT' ? 'evidence chunk' : 'evidence'}` : `${method} ${path}`,
        performance.now() - t0,
        size,
      );
    }
  } as typeof proto.call;
  return () => {
    proto.call = call;
  };
}

/** Reads the files (into the page cache) and writes back everything dirty, so neither timed run pays for the set-up's I/O. */
function settle(files: string[]): void {
  for (let i = 0; i < files.length; i += 500) execFileSync('cat', files.slice(i, i + 500), { stdio: 'ignore' });
  execFileSync('sync');
}

interface RefBlob {
  size: number;
}

/**
 * Fresh random blobs of the given sizes as curl uploads: each split in CHUNK_BYTES files, one PUT
 * per chunk with the device's signature headers (signed now: the window is ten minutes).
 */
function curlConfig(
  dir: string,
  blobs: RefBlob[],
  baseUrl: string,
  core: AppCore,
): { config: string; requests: number; bytes: number } {
  const deviceId = core.device.public().deviceId;
  const lines: string[] = [];
  let requests = 0;
  let bytes = 0;
  const pending: { path: string; file: string; sha: string }[] = [];
  for (const [i, b] of blobs.entries()) {
    const whole = createHash('sha256');
    const chunks: { file: string; offset: number; sha: string }[] = [];
    for (let offset = 0; offset < b.size; offset += CHUNK_BYTES) {
      const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(CHUNK_BYTES, b.size - offset)));
      whole.update(chunk);
      const file = join(dir, `${i}-${offset}.bin`);
      writeFileSync(file, chunk);
      chunks.push({ file, offset, sha: sha256Hex(chunk) });
    }
    const sha = whole.digest('hex');
    for (const ch of chunks)
      pending.push({ path: `${API}/blobs/${sha}?offset=${ch.offset}&length=${b.size}`, file: ch.file, sha: ch.sha });
    bytes += b.size;
  }
  const time = new Date().toISOString();
  for (const p of pending) {
    if (requests++) lines.push('next');
    const nonce = randomBytes(16).toString('hex');
    const length = statSync(p.file).size;
    const signature = core.device.signEd25519(
      new TextEncoder().encode(
        requestSigningText({ method: 'PUT', pathAndQuery: p.path, time, nonce, bodyLength: length, bodySha256: p.sha }),
      ),
    );
    lines.push(
      `url = "${new URL(p.path, baseUrl).href}"`,
      `upload-file = "${p.file}"`,
      'header = "Expect:"',
      'header = "content-type: application/octet-stream"',
      `header = "${H.device}: ${deviceId}"`,
      `header = "${H.time}: ${time}"`,
      `header = "${H.nonce}: ${nonce}"`,
      `header = "${H.bodyLength}: ${length}"`,
      `header = "${H.bodySha256}: ${p.sha}"`,
      `header = "${H.signature}: ${signature}"`,
      'write-out = "\\n%{http_code}\\n"',
    );
  }
  return { config: lines.join('\n') + '\n', requests, bytes };
}

export const sync1000Docs1Gib: Benchmark = {
  name: 'sync-1000-docs-1gib',
  description:
    'sync 1,000 sealed documents and 1 GiB of evidence to a real HQ process over loopback, against curl PUTting the same bytes',
  async run() {
    const c = config();
    if (!existsSync(CURL)) throw new Error(`${CURL} is needed for the reference`);
    const cached = await cachedDevice(c);
    console.log(
      `  device ${cached.fresh ? 'prepared' : 'from .bench-cache (prepared'} in ${round(cached.prepMs / 1000, 1)} s${cached.fresh ? '' : ')'}`,
    );
    const work = mkdtempSync(join(tmpdir(), 'bench-sync-'));
    const hqDir = hqDataDir();
    const hq = await startHq(hqDir);
    let core: AppCore | null = null;
    let restore = () => {};
    try {
      const deviceDir = join(work, 'device');
      copyTree(cached.dir, deviceDir, false);
      core = await openWithPassword({ dataDir: deviceDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
      await core.sync.enroll(hq.url, enrollmentCode(hqDir));
      const outbox = core.sync.outboxRows();
      if (outbox.length !== c.docs) throw new Error(`outbox holds ${outbox.length} documents, expected ${c.docs}`);

      // Both sides start alike: bytes to send in the page cache, nothing dirty left to write back.
      const blobFiles = [
        ...new Set(
          outbox.flatMap((r) =>
            (JSON.parse(r.payload) as SealPayload).evidence.map((e) => core!.evidence.blobs.pathOf(e.sha256)),
          ),
        ),
      ];
      settle(blobFiles);

      // The project: one sync run, timed from start to the last receipt stored.
      const breakdown: Breakdown = {};
      const packageSizes: number[] = [];
      const spans: [number, number][] = [];
      restore = instrument(breakdown, packageSizes, spans);
      const t0 = performance.now();
      const outcome = await core.sync.run();
      const ms = performance.now() - t0;
      restore();
      if (!outcome.ok) throw new Error(`sync failed: ${outcome.kind}: ${outcome.message}`);
      const receipted = core.sync.status().receipted;
      if (receipted !== c.docs) throw new Error(`${receipted} receipts for ${c.docs} documents`);

      // The same bytes in the same requests: each evidence file once, then each commit request
      // (a batch of seal packages, or one package) as a blob of its size.
      const blobs: RefBlob[] = [];
      const seen = new Set<string>();
      let evidenceBytes = 0;
      for (const row of outbox) {
        for (const e of (JSON.parse(row.payload) as SealPayload).evidence) {
          if (seen.has(e.sha256)) continue;
          seen.add(e.sha256);
          blobs.push({ size: e.sizeBytes });
          evidenceBytes += e.sizeBytes;
        }
      }
      for (const size of packageSizes) blobs.push({ size });
      const packageBytes = packageSizes.reduce((a, b) => a + b, 0);
      const bytes = evidenceBytes + packageBytes;

      // The reference: curl, one process, one config, the same HQ.
      const refDir = join(work, 'curl');
      mkdirSync(refDir);
      const ref = curlConfig(refDir, blobs, hq.url, core);
      if (ref.bytes !== bytes) throw new Error(`reference bytes ${ref.bytes} ≠ ${bytes}`);
      const configPath = join(work, 'curl.config');
      writeFileSync(configPath, ref.config);
      settle(readdirSync(refDir).map((f) => join(refDir, f)));
      const r0 = performance.now();
      const out = execFileSync(CURL, ['-s', '-K', configPath], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const refMs = performance.now() - r0;
      const lines = out.split('\n');
      const codes = lines.filter((_, i) => i % 2 === 1);
      const stored = lines.filter((l) => l.includes('"stored":true')).length;
      if (codes.length !== ref.requests || codes.some((x) => x !== '200') || stored !== blobs.length)
        throw new Error(
          `curl reference: ${codes.filter((x) => x === '200').length}/${ref.requests} requests answered 200, ${stored}/${blobs.length} blobs stored: ${out.slice(0, 500)}`,
        );

      const mibps = bytes / MiB / (ms / 1000);
      const refMibps = bytes / MiB / (refMs / 1000);
      console.log(
        `  moved ${fmtBytes(bytes)}: ${fmtBytes(evidenceBytes)} evidence in ${seen.size} files + ${fmtBytes(packageBytes)} of seal packages for ${outbox.length} documents in ${packageSizes.length} commit requests; sync ${round(ms / 1000, 1)} s (${round(mibps)} MiB/s), curl ${round(refMs / 1000, 1)} s (${round(refMibps)} MiB/s, ${ref.requests} PUTs)`,
      );
      // Requests overlap (the next batch's evidence goes up while a batch commits): the device's own
      // time is what no request was in flight for.
      const accounted = inFlight(spans);
      console.log(
        '  where sync’s time goes (device side; each HQ round trip includes HQ’s work; round trips overlap):',
      );
      for (const [kind, k] of Object.entries(breakdown).sort((a, b) => b[1].ms - a[1].ms)) {
        console.log(
          `    ${kind.padEnd(24)} ${String(k.n).padStart(6)} × ${round(k.ms / k.n, 1)
            .toString()
            .padStart(7)} ms = ${round(k.ms / 1000, 1)
            .toString()
            .padStart(7)} s (${round((100 * k.ms) / ms, 1)}%)${k.bytes ? `, ${fmtBytes(k.bytes)}` : ''}`,
        );
      }
      console.log(
        `    ${'other device work'.padEnd(24)} ${''.padStart(6)}   ${''.padStart(7)}      ${round(
          (ms - accounted) / 1000,
          1,
        )
          .toString()
          .padStart(
            7,
          )} s (${round((100 * (ms - accounted)) / ms, 1)}%) (no request in flight; the rest of the device's work — receipts, building batches — runs while HQ works)`,
      );
      return [
        result(
          'sync-1000-docs-1gib',
          'ms',
          ms,
          `curl PUTting the same ${fmtBytes(bytes)} as fresh blobs in 8 MiB chunks to the same HQ (signed headers)`,
          refMs,
        ),
        result(
          'sync-1000-docs-1gib-throughput',
          'MiB/s (evidence + seal package bytes; higher is better)',
          mibps,
          'curl PUTting the same bytes to the same HQ',
          refMibps,
        ),
      ];
    } finally {
      restore();
      core?.close();
      await hq.stop();
      rmSync(work, { recursive: true, force: true });
      rmSync(hqDir, { recursive: true, force: true });
    }
  },
};
