// Sealing and verification on a real core: the chain, both signatures (checked by openssl too),
// immutability in the database, the audit chain, and the tamper suite — each tampering named.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import { laterInquiry, lawfulEvidence } from '../../tests/support/lawful-samples.ts';
import {
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';
import { signedDocument } from '../../tests/support/signing-fixture.ts';
import { HEADER_BYTES } from '../../protocol/storage/blob-cipher.ts';
import { verifyCore } from './verify-seals.ts';

let t: TestCore;
let ids: [string, string];
let caseId: string;
const PW: [string, string] = [OFFICER_A.password, OFFICER_B.password];

beforeEach(async () => {
  t = makeCore({ fastPasswords: true });
  await setUpPair(t);
  ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const matter = (await t.must('catalog.search', { query: '网络安全' })).items[0]!;
  caseId = (await t.must('cases.create', orgCaseInput(ids, matter.id))).id;
});
afterEach(() => t.dispose());

async function twoSealed() {
  const a = await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
  const b = await signedDocument(t, caseId, 'inquiry', laterInquiry(ids[0], ids[1]), ids);
  const sa = await t.must('seals.seal', { documentId: a, officerPasswords: PW });
  const sb = await t.must('seals.seal', { documentId: b, officerPasswords: PW });
  return { a, b, sa, sb };
}

const failing = async () =>
  (await verifyCore(t.core)).checks
    .filter((c) => !c.ok)
    .map((c) => `${c.what}：${c.detail}`)
    .join('\n');
/** Simulates someone with raw access to the database file: the triggers are dropped first. */
const raw = (sql: string, ...args: unknown[]) => {
  for (const trig of [
    'documents_sealed_no_update',
    'signatures_sealed_no_update',
    'signatures_only_discard',
    'evidence_sealed_no_update',
    'seals_no_update',
    'seals_no_delete',
    'seal_evidence_no_delete',
    'audit_no_update',
  ])
    t.core.db.exec(`DROP TRIGGER IF EXISTS ${trig}`);
  t.core.db.prepare(sql).run(...args);
};

describe('sealing', () => {
  it('a signed document is sealed by both officers; seals chain; the whole device verifies', async () => {
    const d = await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
    expect(
      await t.call('seals.seal', { documentId: d, officerPasswords: [OFFICER_A.password, 'wrong'] }),
    ).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await t.must('seals.get', { documentId: d })).toBeNull();
    const s1 = await t.must('seals.seal', { documentId: d, officerPasswords: PW });
    expect(s1).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    // What the sealed document's page shows: the officers, the device, the HQ time bound (none before enrollment).
    expect(s1.officers.map((o) => o.certNo).sort()).toEqual([OFFICER_A.certNo, OFFICER_B.certNo].sort());
    expect(s1).toMatchObject({ deviceId: t.core.device.public().deviceId, notBefore: null });
    expect(await t.must('seals.get', { documentId: d })).toEqual(s1);
    expect((await t.must('documents.get', { id: d })).state).toBe('sealed');
    const d2 = await signedDocument(t, caseId, 'inquiry', laterInquiry(ids[0], ids[1]), ids);
    const s2 = await t.must('seals.seal', { documentId: d2, officerPasswords: PW });
    expect(s2).toMatchObject({ seq: 2, prevHash: s1.hashSha256 });
    expect(await t.call('seals.seal', { documentId: d, officerPasswords: PW })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    const report = await t.must('seals.verify', {});
    expect(report.ok, await failing()).toBe(true);
    expect(report.checks.map((c) => c.what)).toEqual(expect.arrayContaining(['封存链连续', '审计日志链']));
  });

  it('the per-document report lists the checks a court applies', async () => {
    const { a } = await twoSealed();
    const r = await t.must('seals.verify', { documentId: a });
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.what)).toEqual(
      expect.arrayContaining(['封存链连续', '两名执法人员', '签名齐全（拒签有见证）', '审计日志链']),
    );
    const draft = await t.must('documents.create', { caseId, type: 'evidence' });
    const r2 = await t.must('seals.verify', { documentId: draft.id });
    expect(r2.ok).toBe(false);
    expect(r2.checks[0]).toMatchObject({ what: '封存', ok: false });
  });

  it('a document that is not signed cannot be sealed', async () => {
    const d = await t.must('documents.create', { caseId, type: 'inquiry' });
    expect(await t.call('seals.seal', { documentId: d.id, officerPasswords: PW })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/已签名/) },
    });
  });

  it('sealed means immutable: the app refuses edits in Chinese, and the database refuses direct SQL', async () => {
    const { a } = await twoSealed();
    const doc = await t.must('documents.get', { id: a });
    expect(
      await t.call('documents.save', { id: a, revision: doc.revision, content: doc.content, discardSignatures: true }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/已封存，不能再修改.*补正/) } });
    const db = t.core.db;
    expect(() => db.prepare(`UPDATE documents SET content_json = '{}' WHERE id = ?`).run(a)).toThrow(
      /sealed document is immutable/,
    );
    expect(() => db.prepare(`DELETE FROM documents WHERE id = ?`).run(a)).toThrow(/sealed document is immutable/);
    expect(() =>
      db.prepare(`UPDATE signatures SET discarded_at = 'x', discard_reason = 'y' WHERE document_id = ?`).run(a),
    ).toThrow(/immutable/);
    expect(() => db.prepare(`UPDATE seals SET sealed_at = 'x'`).run()).toThrow(/seals are immutable/);
    expect(() => db.prepare(`DELETE FROM seals`).run()).toThrow(/seals are immutable/);
    expect(() => db.prepare(`UPDATE audit_log SET detail = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });

  it('the database refuses direct SQL on sealed evidence, its seal links, the signatures, receipts and milestones', async () => {
    const item = await t.core.evidence.ingest([Buffer.from('后台日志 '.repeat(100))], {
      caseId,
      fileName: 'log.txt',
      officerIds: ids,
      meta: {
        category: '日志',
        description: '',
        source: 'x',
        method: '复制',
        timeSourceNote: '',
        provider: { name: '', idNumber: '', statement: false },
        original: true,
        copy: { method: '', madeAt: '', madeBy: '' },
      },
    });
    const content = (await import('../../scripts/demo-documents.ts')).demoEvidence(ids, ids[1]);
    content.items = [
      {
        id: item.id,
        name: 'log.txt',
        category: '日志',
        format: 'TXT',
        source: 'x',
        method: '复制',
        sizeBytes: String(item.sizeBytes),
        sha256: item.sha256,
        sm3: item.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        importedAt: '',
        custody: '',
        evidenceId: item.id,
      },
    ];
    const d = await signedDocument(t, caseId, 'evidence', lawfulEvidence(content), ids);
    const seal = await t.must('seals.seal', { documentId: d, officerPasswords: PW });
    const db = t.core.db;
    const snapshot = (sql: string, ...args: unknown[]) => JSON.stringify(db.prepare(sql).all(...args));
    const rejected = (sql: string, args: unknown[], message: RegExp, check: string, ...checkArgs: unknown[]) => {
      const before = snapshot(check, ...checkArgs);
      expect(before).not.toBe('[]');
      expect(() => db.prepare(sql).run(...args), sql).toThrow(message);
      expect(snapshot(check, ...checkArgs), sql).toBe(before);
    };
    const evidenceRow = `SELECT * FROM evidence WHERE id = ?`;
    rejected(
      `UPDATE evidence SET sha256 = ? WHERE id = ?`,
      ['0'.repeat(64), item.id],
      /evidence referenced by a seal is immutable/,
      evidenceRow,
      item.id,
    );
    rejected(
      `UPDATE evidence SET file_name = 'x.txt' WHERE id = ?`,
      [item.id],
      /evidence referenced by a seal is immutable/,
      evidenceRow,
      item.id,
    );
    rejected(
      `DELETE FROM evidence WHERE id = ?`,
      [item.id],
      /evidence referenced by a seal is immutable/,
      evidenceRow,
      item.id,
    );
    const links = `SELECT * FROM seal_evidence WHERE seal_seq = ?`;
    rejected(
      `UPDATE seal_evidence SET evidence_id = 'other' WHERE seal_seq = ?`,
      [seal.seq],
      /seals are immutable/,
      links,
      seal.seq,
    );
    rejected(`DELETE FROM seal_evidence WHERE seal_seq = ?`, [seal.seq], /seals are immutable/, links, seal.seq);
    const sigs = `SELECT * FROM signatures WHERE document_id = ?`;
    rejected(`DELETE FROM signatures WHERE document_id = ?`, [d], /never deleted/, sigs, d);
    rejected(`UPDATE signatures SET image_png = x'00' WHERE document_id = ?`, [d], /immutable|discard/, sigs, d);
    // A receipt row as the sync service stores it (HQ's signature is not what the trigger looks at).
    db.prepare(
      `INSERT INTO receipts (seal_seq, seal_sha256, hq_seq, hq_time, receipt, ed25519, sm2, via, stored_at) VALUES (?, ?, 1, '2026-11-20T09:00:00Z', '{}', 'x', 'y', 'file', '2026-11-20T09:00:00Z')`,
    ).run(seal.seq, seal.hashSha256);
    const receipt = `SELECT * FROM receipts WHERE seal_seq = ?`;
    rejected(
      `UPDATE receipts SET seal_sha256 = ? WHERE seal_seq = ?`,
      ['0'.repeat(64), seal.seq],
      /receipts are immutable/,
      receipt,
      seal.seq,
    );
    rejected(`DELETE FROM receipts WHERE seal_seq = ?`, [seal.seq], /receipts are immutable/, receipt, seal.seq);
    await t.must('cases.recordMilestone', { caseId, kind: 'sourceDate', date: '2026-11-10', note: '纸质登记表' });
    const milestones = `SELECT * FROM case_milestones WHERE case_id = ?`;
    rejected(
      `UPDATE case_milestones SET date = '2026-11-01' WHERE case_id = ?`,
      [caseId],
      /append-only/,
      milestones,
      caseId,
    );
    rejected(`DELETE FROM case_milestones WHERE case_id = ?`, [caseId], /append-only/, milestones, caseId);
    expect((await verifyCore(t.core)).ok, await failing()).toBe(true);
  });

  it('no path but 释放空间 removes a blob a seal references: not the start-up clean-up, even when its row looks orphaned', async () => {
    const meta = {
      category: '日志' as const,
      description: '',
      source: 'x',
      method: '复制',
      timeSourceNote: '',
      provider: { name: '', idNumber: '', statement: false },
      original: true,
      copy: { method: '', madeAt: '', madeBy: '' },
    };
    const sealedItem = await t.core.evidence.ingest([Buffer.from('封存的日志 '.repeat(100))], {
      caseId,
      fileName: 'sealed.txt',
      officerIds: ids,
      meta,
    });
    const loose = await t.core.evidence.ingest([Buffer.from('未封存的日志 '.repeat(100))], {
      caseId,
      fileName: 'loose.txt',
      officerIds: ids,
      meta,
    });
    const content = (await import('../../scripts/demo-documents.ts')).demoEvidence(ids, ids[1]);
    content.items = [
      {
        id: sealedItem.id,
        name: 'sealed.txt',
        category: '日志',
        format: 'TXT',
        source: 'x',
        method: '复制',
        sizeBytes: String(sealedItem.sizeBytes),
        sha256: sealedItem.sha256,
        sm3: sealedItem.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        importedAt: '',
        custody: '',
        evidenceId: sealedItem.id,
      },
    ];
    await t.must('seals.seal', {
      documentId: await signedDocument(t, caseId, 'evidence', lawfulEvidence(content), ids),
      officerPasswords: PW,
    });
    // Without HQ's receipt, 释放空间 refuses.
    expect(await t.call('sync.freeSpace', {})).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    // Someone with raw access removes both evidence rows (the sealed one's triggers dropped first):
    // both blobs now look orphaned to a clean-up that only looked at the evidence table.
    for (const trig of ['evidence_sealed_no_delete', 'seal_evidence_no_delete']) t.core.db.exec(`DROP TRIGGER ${trig}`);
    t.core.db.pragma('foreign_keys = OFF');
    t.core.db.prepare(`DELETE FROM seal_evidence`).run();
    t.core.db.prepare(`DELETE FROM evidence WHERE id IN (?, ?)`).run(sealedItem.id, loose.id);
    t.reopen(); // start-up: the clean-up runs
    expect(t.core.evidence.blobs.has(loose.sha256)).toBe(false);
    expect(t.core.evidence.blobs.has(sealedItem.sha256)).toBe(true);
  });

  it('every action is in the hash-chained audit log', async () => {
    const { a } = await twoSealed();
    const rows = await t.must('audit.list', { caseId });
    const actions = rows.map((r) => r.action);
    for (const x of [
      'case-create',
      'document-create',
      'document-edit',
      'document-ready',
      'signing-start',
      'sign',
      'signing-end',
      'seal',
    ])
      expect(actions).toContain(x);
    expect(rows.find((r) => r.action === 'seal')!.targets[0]).toBe(a);
    const all = await t.must('audit.list', {});
    expect(all.map((r) => r.action)).toEqual(expect.arrayContaining(['settings', 'sign-in']));
  });
});

describe('tamper suite: each change is found and named', () => {
  it('one character of a sealed document', async () => {
    const { a } = await twoSealed();
    const row = t.core.db.prepare(`SELECT content_json FROM documents WHERE id = ?`).get(a) as { content_json: string };
    raw(`UPDATE documents SET content_json = ? WHERE id = ?`, row.content_json.replace('只保留7天', '只保留8天'), a);
    expect(await failing()).toMatch(/文书 网信案询.*文书内容与封存时不一致/);
  });

  it('a signature image', async () => {
    const { a } = await twoSealed();
    const s = t.core.db.prepare(`SELECT id, image_png FROM signatures WHERE document_id = ? LIMIT 1`).get(a) as {
      id: string;
      image_png: Buffer;
    };
    const img = Buffer.from(s.image_png);
    img.writeUInt8(img.readUInt8(img.length - 20) ^ 1, img.length - 20);
    raw(`UPDATE signatures SET image_png = ? WHERE id = ?`, img, s.id);
    expect(await failing()).toMatch(/签名图像与签名时不一致/);
  });

  it('a stroke point', async () => {
    const { a } = await twoSealed();
    const s = t.core.db.prepare(`SELECT id, strokes_json FROM signatures WHERE document_id = ? LIMIT 1`).get(a) as {
      id: string;
      strokes_json: string;
    };
    const strokes = JSON.parse(s.strokes_json) as number[][][];
    strokes[0]![0]![0]! += 1;
    raw(`UPDATE signatures SET strokes_json = ? WHERE id = ?`, JSON.stringify(strokes), s.id);
    expect(await failing()).toMatch(/笔迹数据与签名时不一致/);
  });

  it('an evidence blob, and an evidence digest in the database', async () => {
    const item = await t.core.evidence.ingest([Buffer.from('后台日志 '.repeat(1000))], {
      caseId,
      fileName: 'log.txt',
      officerIds: ids,
      meta: {
        category: '日志',
        description: '',
        source: 'x',
        method: '复制',
        timeSourceNote: '',
        provider: { name: '', idNumber: '', statement: false },
        original: true,
        copy: { method: '', madeAt: '', madeBy: '' },
      },
    });
    const content = { ...(await import('../../scripts/demo-documents.ts')).demoEvidence(ids, ids[1]) };
    content.items = [
      {
        id: item.id,
        name: 'log.txt',
        category: '日志',
        format: 'TXT',
        source: 'x',
        method: '复制',
        sizeBytes: String(item.sizeBytes),
        sha256: item.sha256,
        sm3: item.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        importedAt: '',
        custody: '',
        evidenceId: item.id,
      },
    ];
    const d = await signedDocument(t, caseId, 'evidence', lawfulEvidence(content), ids);
    await t.must('seals.seal', { documentId: d, officerPasswords: PW });
    expect((await verifyCore(t.core)).ok, await failing()).toBe(true);
    // One flipped bit in the stored (encrypted) file: the chunk holding it no longer authenticates.
    const blob = t.core.evidence.blobs.pathOf(item.sha256);
    const bytes = readFileSync(blob);
    const at = HEADER_BYTES + 10;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    writeFileSync(blob, bytes);
    expect(await failing()).toMatch(
      new RegExp(`电子数据「log.txt」第 1 段（字节 0–${item.sizeBytes - 1}）校验失败：内容被篡改或存储介质损坏`),
    );
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    writeFileSync(blob, bytes);
    raw(`UPDATE evidence SET sm3 = ? WHERE id = ?`, 'f'.repeat(64), item.id);
    expect(await failing()).toMatch(/电子数据「log.txt」在数据库中的校验值与封存时不一致/);
  });

  it("a seal's signature", async () => {
    await twoSealed();
    const s = t.core.db.prepare(`SELECT ed25519_signature FROM seals WHERE seq = 1`).get() as {
      ed25519_signature: string;
    };
    raw(
      `UPDATE seals SET ed25519_signature = ? WHERE seq = 1`,
      (s.ed25519_signature[0] === 'a' ? 'b' : 'a') + s.ed25519_signature.slice(1),
    );
    expect(await failing()).toMatch(/封存1.*Ed25519签名无效/);
  });

  it('a seal deleted from the middle of the chain', async () => {
    await twoSealed();
    const d3 = await signedDocument(t, caseId, 'inquiry', laterInquiry(ids[0], ids[1], 2), ids);
    await t.must('seals.seal', { documentId: d3, officerPasswords: PW });
    raw(`DELETE FROM seal_evidence WHERE seal_seq = 2`);
    raw(`DELETE FROM seals WHERE seq = 2`);
    expect(await failing()).toMatch(/封存序号不连续/);
  });

  it('two seals swapped', async () => {
    await twoSealed();
    raw(`UPDATE seals SET seq = 3 WHERE seq = 1`);
    raw(`UPDATE seals SET seq = 1 WHERE seq = 2`);
    raw(`UPDATE seals SET seq = 2 WHERE seq = 3`);
    expect(await failing()).toMatch(/前一封存校验值与链上前一个不符/);
  });

  it('an audit row edited', async () => {
    await twoSealed();
    raw(`UPDATE audit_log SET detail = '改动' WHERE seq = 3`);
    expect(await failing()).toMatch(/审计日志第3条内容被改动/);
  });
});

describe('interoperability with openssl', () => {
  it("openssl verifies the app's SM2 and Ed25519 seal signatures; the app verifies an openssl SM2 signature", async () => {
    const { sa } = await twoSealed();
    const row = t.core.db
      .prepare(`SELECT payload, sm2_signature, ed25519_signature FROM seals WHERE seq = ?`)
      .get(sa.seq) as { payload: string; sm2_signature: string; ed25519_signature: string };
    const dev = t.core.device.public();
    const f = (n: string) => join(t.dir, n);
    writeFileSync(f('seal.json'), row.payload);
    writeFileSync(f('seal.sm2.der'), Buffer.from(row.sm2_signature, 'hex'));
    writeFileSync(f('seal.ed25519.sig'), Buffer.from(row.ed25519_signature, 'hex'));
    writeFileSync(f('sm2.pem'), dev.sm2PublicKeyPem);
    writeFileSync(f('ed25519.pem'), dev.ed25519PublicKeyPem);
    expect(
      execFileSync(
        'openssl',
        [
          'dgst',
          '-sm3',
          '-verify',
          f('sm2.pem'),
          '-sigopt',
          'distid:1234567812345678',
          '-signature',
          f('seal.sm2.der'),
          f('seal.json'),
        ],
        { encoding: 'utf8' },
      ),
    ).toMatch(/Verified OK/);
    expect(
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          f('ed25519.pem'),
          '-rawin',
          '-in',
          f('seal.json'),
          '-sigfile',
          f('seal.ed25519.sig'),
        ],
        { encoding: 'utf8' },
      ),
    ).toMatch(/Signature Verified Successfully/);
    expect(execFileSync('sha256sum', [f('seal.json')], { encoding: 'utf8' }).split(' ')[0]).toBe(sa.hashSha256);

    // openssl makes an SM2 key and signs; the app verifies.
    execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', f('o.key')]);
    execFileSync('openssl', ['pkey', '-in', f('o.key'), '-pubout', '-out', f('o.pub')]);
    writeFileSync(f('msg'), '网信执法 SM2 互操作');
    execFileSync('openssl', [
      'dgst',
      '-sm3',
      '-sign',
      f('o.key'),
      '-sigopt',
      'distid:1234567812345678',
      '-out',
      f('o.sig'),
      f('msg'),
    ]);
    const { sm2PublicKeyFromPem, sm2Verify } = await import('../../protocol/crypto/sm2.ts');
    const pub = sm2PublicKeyFromPem(readFileSync(f('o.pub'), 'utf8'));
    expect(sm2Verify(readFileSync(f('msg')), readFileSync(f('o.sig')).toString('hex'), pub)).toBe(true);
    expect(sm2Verify(Buffer.from('另一条消息'), readFileSync(f('o.sig')).toString('hex'), pub)).toBe(false);
  });
});

describe('补正', () => {
  it('a correction names the sealed document and its seal; both link to each other; its seal records what it corrects', async () => {
    const { a, sa } = await twoSealed();
    expect(await t.call('seals.correct', { documentId: a, reason: '' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    const c = await t.must('seals.correct', { documentId: a, reason: '被询问人住址记录有误' });
    expect(c.correction.corrects).toMatchObject({ id: a, sealSha256: sa.hashSha256, reason: '被询问人住址记录有误' });
    expect(c.state).toBe('draft');
    expect((await t.must('documents.get', { id: a })).correction.correctedBy).toMatchObject({
      id: c.id,
      docNo: c.docNo,
    });
    expect((await t.must('documents.get', { id: a })).state).toBe('sealed'); // the original is untouched
    expect(await t.call('seals.correct', { documentId: a, reason: '再来一次' })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    // completed, signed and sealed like any other; its seal says what it corrects
    const content = {
      ...c.content,
      interviewee: { ...(c.content.interviewee as object), address: '广西壮族自治区柳州市城中区文惠路7号' },
    };
    await t.must('documents.save', { id: c.id, revision: c.revision, content });
    await t.must('documents.markReady', { id: c.id });
    const { ceremonyId } = await t.must('signing.start', {
      documentId: c.id,
      recording: false,
      noRecordingReason: '测试：不录像',
    });
    const { partySigner, syntheticSignature } = await import('../../scripts/demo-signatures.ts');
    for (const [i, slot] of (await t.must('signing.state', { id: c.id })).required.entries()) {
      const officer = slot.officerId === ids[0] ? OFFICER_A : slot.officerId === ids[1] ? OFFICER_B : null;
      const sig = syntheticSignature('张', i + 1);
      await t.must('signing.sign', {
        ceremonyId,
        slotId: slot.slotId,
        page: slot.page,
        ...partySigner(slot, officer?.name ?? '张𠮷㵘'),
        officerPassword: officer?.password ?? '',
        imagePngBase64: sig.png.toString('base64'),
        strokes: sig.strokes,
      });
    }
    await t.must('signing.end', { ceremonyId });
    const sc = await t.must('seals.seal', { documentId: c.id, officerPasswords: PW });
    const payload = JSON.parse(
      (t.core.db.prepare(`SELECT payload FROM seals WHERE seq = ?`).get(sc.seq) as { payload: string }).payload,
    ) as { corrects: { documentId: string; sealSha256: string; reason: string } };
    expect(payload.corrects).toMatchObject({
      documentId: a,
      sealSha256: sa.hashSha256,
      reason: '被询问人住址记录有误',
    });
    expect((await verifyCore(t.core)).ok, await failing()).toBe(true);
  });
});
