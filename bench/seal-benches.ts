// seal-1000: seal 1,000 signed documents (one confirmation by both officers, then one transaction
// and chain link each: payload, canonical JSON, SHA-256 + SM3, SM2 + Ed25519, immutability).
// verify-chain-10000: verify a 10,000-seal chain (continuity, each seal's hashes, SM2 and Ed25519)
// as HQ and `npm run verify` do, on a pool of worker threads, one per core (starting the pool
// included); verify-chain-10000-1thread: the same on this thread alone (as the desktop app does).
// Reference for all: the raw signature operations alone on the same payloads (Ed25519 via
// node:crypto, SM2 via sm-crypto-v2), on this thread only, same run. VERIFY_BENCH_N: chain length.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { demoInquiry } from '../scripts/demo-documents.ts';
import { canonicalJson } from '../shared/crypto/canonical-json.ts';
import { ed25519KeyPair, ed25519Sign, ed25519Verify } from '../protocol/crypto/ed25519.ts';
import { sm2KeyPair, sm2Sign, sm2Verify } from '../protocol/crypto/sm2.ts';
import { dualHash } from '../protocol/seal/document-hash.ts';
import { binding, sha256Hex, strokesText } from '../protocol/seal/signature-binding.ts';
import { requiredSlots } from '../core/signatures/required-slots.ts';
import { SEAL_GENESIS } from '../protocol/seal/seal-payload.ts';
import type { SealRow } from '../core/seals/seal-store.ts';
import { verifySealRows, type SealRowsCheck } from '../protocol/seal/seal-chain.ts';
import { verifySealRowsParallel } from '../protocol/seal/seal-chain-parallel.ts';
import { WorkerPool } from '../protocol/runtime/worker-pool.ts';
import { syntheticSignature } from '../scripts/demo-signatures.ts';
import { makeCore, OFFICER_A, OFFICER_B, orgCaseInput, setUpPair } from '../tests/support/core-fixture.ts';
import { result, type Benchmark } from './harness.ts';

const enc = new TextEncoder();

/**
 * Fixture: N signed documents. Signature rows are written directly with their real bindings
 * (the officers' password checks are what sealing must not be timed on; they are covered by tests).
 */
async function signedDocuments(n: number) {
  const t = makeCore();
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  // Ten documents per case, as a busy office has them.
  let caseId = '';
  const sig = syntheticSignature('张𠮷㵘', 1);
  const strokes = strokesText(sig.strokes);
  const docs: string[] = [];
  const insert = t.core.db.prepare(
    `INSERT INTO signatures (id, document_id, ceremony_id, slot_id, page, page_count, status, role, signer_name, signer_id_number, officer_id, signed_at, doc_sha256, doc_sm3, image_png, image_sha256, strokes_json, strokes_sha256, reason, confirmed_by, witness_signature_id, binding_sha256, binding_sm3)
     VALUES (?, ?, ?, ?, ?, ?, 'signed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '[]', NULL, ?, ?)`,
  );
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0)
      caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59', { title: `基准测试案件${i / 10 + 1}` }))).id;
    const d = await t.must('documents.create', { caseId, type: 'inquiry' });
    await t.must('documents.save', { id: d.id, revision: d.revision, content: demoInquiry(ids[0], ids[1]) });
    await t.must('documents.markReady', { id: d.id });
    const { ceremonyId } = await t.must('signing.start', {
      documentId: d.id,
      recording: false,
      noRecordingReason: '基准测试数据',
    });
    const frozen = t.core.documents.frozen(d.id)!;
    const now = new Date().toISOString();
    t.core.db.transaction(() => {
      for (const slot of requiredSlots(t.core.pdf.layout(t.core.documents.get(d.id)))) {
        const f = {
          id: randomUUID(),
          documentId: d.id,
          ceremonyId,
          slotId: slot.slotId,
          page: slot.page,
          pageCount: frozen.pages,
          status: 'signed' as const,
          role: slot.role,
          signerName: slot.signerName || '李明',
          signerIdNumber: '',
          officerId: slot.officerId,
          signedAt: now,
          docSha256: frozen.sha256,
          docSm3: frozen.sm3,
          imageSha256: sha256Hex(sig.png),
          strokesSha256: sha256Hex(strokes),
          reason: '',
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
          b.sha256,
          b.sm3,
        );
      }
      t.core.documents.markSigned(d.id, now, ids);
    })();
    docs.push(d.id);
  }
  return { t, docs };
}

export const seal1000: Benchmark = {
  name: 'seal-1000',
  description: 'seal 1,000 signed documents (after one confirmation by both officers)',
  async run() {
    const { t, docs } = await signedDocuments(Number(process.env.SEAL_BENCH_N ?? 1000));
    try {
      const t0 = performance.now();
      const seals = await t.core.seals.sealMany(docs, [OFFICER_A.password, OFFICER_B.password]);
      const ms = performance.now() - t0;
      // Reference: SM2 + Ed25519 signatures alone over the same payload bytes.
      const payloads = t.core.seals.rows().map((r) => enc.encode(r.payload));
      const sm2 = sm2KeyPair();
      const ed = ed25519KeyPair();
      const r0 = performance.now();
      for (const p of payloads) {
        sm2Sign(p, sm2.privateKey, sm2.publicKey);
        ed25519Sign(p, ed.privateKeyPem);
      }
      const ref = performance.now() - r0;
      console.log(`  (${seals.length} seals, chain ${seals[0]!.seq}…${seals.at(-1)!.seq})`);
      return [result('seal-1000', 'ms', ms, 'SM2 + Ed25519 signing of the same payloads alone', ref)];
    } finally {
      t.dispose();
    }
  },
};

export const verifyChain10000: Benchmark = {
  name: 'verify-chain-10000',
  description: 'verify a 10,000-seal chain (continuity, hashes, SM2 and Ed25519 signatures)',
  async run() {
    const sm2 = sm2KeyPair();
    const ed = ed25519KeyPair();
    const device = { device_id: randomUUID(), sm2_public: sm2.publicKey, ed25519_public_pem: ed.publicKeyPem };
    const rows: SealRow[] = [];
    let prev = SEAL_GENESIS;
    const n = Number(process.env.VERIFY_BENCH_N ?? 10_000);
    for (let seq = 1; seq <= n; seq++) {
      // A seal-shaped payload of realistic size (a document's signed form of a few kilobytes).
      const payload = canonicalJson({
        format: 'wangxin-field-seal/1',
        device: {
          id: device.device_id,
          seq,
          prev,
          sm2PublicKey: device.sm2_public,
          ed25519PublicKeyPem: device.ed25519_public_pem,
        },
        time: { sealedAt: '2026-11-20T02:00:00.000Z', deviceClock: '2026-11-20T02:00:00.000Z', notBefore: null },
        document: { signedForm: canonicalJson(demoInquiry('o1', 'o2')), n: seq },
      });
      const bytes = enc.encode(payload);
      const h = dualHash(payload);
      rows.push({
        seq,
        document_id: `d${seq}`,
        payload,
        hash_sha256: h.sha256,
        hash_sm3: h.sm3,
        prev_hash: prev,
        sm2_signature: sm2Sign(bytes, sm2.privateKey, sm2.publicKey),
        ed25519_signature: ed25519Sign(bytes, ed.privateKeyPem),
        sealed_at: '',
      });
      prev = h.sha256;
    }
    const problems = (r: SealRowsCheck) =>
      r.chain.length + [...r.perSeal.values()].filter((x) => x.problems.length).length;
    const t1 = performance.now();
    const single = verifySealRows(rows, device);
    const ms1 = performance.now() - t1;
    if (problems(single)) throw new Error(`verify-chain-10000: ${problems(single)} problems in a valid chain`);
    const t0 = performance.now();
    const pool = new WorkerPool(new URL('../protocol/seal/verify-tasks.ts', import.meta.url));
    let pooled: SealRowsCheck;
    try {
      pooled = await verifySealRowsParallel(rows, device, pool);
    } finally {
      await pool.close();
    }
    const ms = performance.now() - t0;
    if (problems(pooled)) throw new Error(`verify-chain-10000: ${problems(pooled)} problems in a valid chain`);
    const r0 = performance.now();
    for (const row of rows) {
      const bytes = enc.encode(row.payload);
      sm2Verify(bytes, row.sm2_signature, device.sm2_public);
      ed25519Verify(bytes, row.ed25519_signature, device.ed25519_public_pem);
    }
    const ref = performance.now() - r0;
    console.log(`  (${rows.length} seals; pool of ${pool.size} threads; reference on one thread)`);
    const what = 'SM2 + Ed25519 verification of the same seals alone (one thread)';
    return [
      result('verify-chain-10000', 'ms', ms, what, ref),
      result('verify-chain-10000-1thread', 'ms', ms1, what, ref),
    ];
  },
};
