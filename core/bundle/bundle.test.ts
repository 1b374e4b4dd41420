// The sealed bundle: exported as a plain tar, verified on its own (no data folder), checkable with
// tar, sha256sum and openssl; a changed byte anywhere in it is found and named.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoEvidence, demoInquiry } from '../../scripts/demo-documents.ts';
import { makeCore, OFFICER_A, OFFICER_B, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';
import { signedDocument } from '../../tests/support/signing-fixture.ts';
import { HEADER_BYTES } from '../evidence/blob-cipher.ts';
import { listTar } from './tar.ts';
import { verifyBundle } from './verify-bundle.ts';

let t: TestCore;
let bundle: string;
const failing = async () => (await verifyBundle(bundle)).checks.filter((c) => !c.ok).map((c) => `${c.what}：${c.detail}`).join('\n');

beforeEach(async () => {
  t = makeCore();
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  const item = await t.core.evidence.ingest([Buffer.from('nginx 访问日志\n'.repeat(3000))], { caseId, fileName: 'access.log', officerIds: ids, meta: { category: '日志', description: '', source: '/var/log/nginx', method: '复制', timeSourceNote: '', provider: { name: '', idNumber: '', statement: false }, original: true, copy: { method: '', madeAt: '', madeBy: '' } } });
  const ev = { ...demoEvidence(ids, ids[1]), items: [{ id: item.id, name: 'access.log', category: '日志' as const, format: 'LOG', source: '/var/log/nginx', method: '复制', sizeBytes: String(item.sizeBytes), sha256: item.sha256, sm3: item.sm3, time: '2026-11-20T09:00', medium: '本机', evidenceId: item.id }] };
  const docs = [await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids), await signedDocument(t, caseId, 'evidence', ev, ids)];
  for (const d of docs) await t.must('seals.seal', { documentId: d, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
  bundle = (await t.must('bundles.export', { documentIds: docs })).path;
});
afterEach(() => t.dispose());

function flipInEntry(name: string, at = 0) {
  const e = listTar(bundle).find((x) => x.name === name)!;
  const bytes = readFileSync(bundle);
  bytes.writeUInt8(bytes.readUInt8(e.offset + at) ^ 1, e.offset + at);
  writeFileSync(bundle, bytes);
}

describe('sealed bundle', () => {
  it('verifies on its own, and with tar, sha256sum and openssl', async () => {
    const r = await verifyBundle(bundle);
    expect(r.ok, await failing()).toBe(true);
    const out = join(t.dir, 'unpacked');
    mkdirSync(out);
    execFileSync('tar', ['-xf', bundle, '-C', out]);
    expect(execFileSync('openssl', ['dgst', '-sm3', '-verify', 'device-sm2.pem', '-sigopt', 'distid:1234567812345678', '-signature', 'seals/1/seal.sm2.der', 'seals/1/seal.json'], { cwd: out, encoding: 'utf8' })).toMatch(/Verified OK/);
    expect(execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'device-ed25519.pem', '-rawin', '-in', 'seals/2/seal.json', '-sigfile', 'seals/2/seal.ed25519.sig'], { cwd: out, encoding: 'utf8' })).toMatch(/Signature Verified Successfully/);
    const payload = JSON.parse(readFileSync(join(out, 'seals/2/seal.json'), 'utf8')) as { evidence: { sha256: string; sm3: string }[] };
    const ev = payload.evidence[0]!;
    expect(execFileSync('sha256sum', [`evidence/${ev.sha256}`], { cwd: out, encoding: 'utf8' })).toContain(ev.sha256);
    expect(execFileSync('openssl', ['dgst', '-sm3', `evidence/${ev.sha256}`], { cwd: out, encoding: 'utf8' })).toContain(ev.sm3);
    // npm run verify on the bundle file
    const cli = execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'verify.ts'), bundle], { encoding: 'utf8' });
    expect(cli).toContain('核验结论：全部通过。');
  });

  it('one byte of an evidence file', async () => {
    const ev = listTar(bundle).find((e) => e.name.startsWith('evidence/'))!;
    flipInEntry(ev.name, 5);
    expect(await failing()).toMatch(/电子数据「access.log」的内容与封存时的校验值不符/);
  });

  it('a damaged chunk of a stored evidence file: the export is refused, naming the item and the chunk', async () => {
    const { sha256, size_bytes: size } = t.core.db.prepare(`SELECT sha256, size_bytes FROM evidence`).get() as { sha256: string; size_bytes: number };
    const blob = t.core.evidence.blobs.pathOf(sha256);
    const bytes = readFileSync(blob);
    bytes[HEADER_BYTES + 7]! ^= 0x01;
    writeFileSync(blob, bytes);
    const docs = t.core.seals.rows().map((s) => s.document_id);
    const r = await t.call('bundles.export', { documentIds: docs });
    expect(r).toMatchObject({ ok: false, error: { kind: 'integrity', message: `电子数据「access.log」第 1 段（字节 0–${size - 1}）校验失败：内容被篡改或存储介质损坏。请先在本机核验。` } });
  });

  it('one byte of a document', async () => {
    flipInEntry('seals/1/document.json', 20);
    expect(await failing()).toMatch(/文书 网信案询.*的内容与封存时的校验值不符/);
  });

  it('a signature image', async () => {
    const png = listTar(bundle).find((e) => e.name.endsWith('.png'))!;
    flipInEntry(png.name, 40);
    expect(await failing()).toMatch(/的图像被改动|内容与清单不符/);
  });

  it("a seal's text", async () => {
    flipInEntry('seals/1/seal.json', 30);
    expect(await failing()).toMatch(/SM2签名无效|封存校验值与清单不符|内容与清单不符/);
  });
});
