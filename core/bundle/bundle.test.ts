// The sealed bundle: exported as a plain tar, verified on its own (no data folder), checkable with
// tar, sha256sum and openssl; a changed byte anywhere in it is found and named.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoEvidence, demoInquiry } from '../../scripts/demo-documents.ts';
import {
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';
import { signedDocument } from '../../tests/support/signing-fixture.ts';
import { laterInquiry, lawfulEvidence } from '../../tests/support/lawful-samples.ts';
import { HEADER_BYTES } from '../../protocol/storage/blob-cipher.ts';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { verifyBundle } from '../../protocol/bundle/verify-bundle.ts';
import {
  entriesOf,
  flipByte,
  json,
  offsetOf,
  put,
  rewriteManifest,
  writeEntries,
} from '../../tests/support/bundle-tamper.ts';

let t: TestCore;
let bundle: string;
let ids: [string, string];
let caseId: string;
const failing = async () =>
  (await verifyBundle(bundle)).checks
    .filter((c) => !c.ok)
    .map((c) => `${c.what}：${c.detail}`)
    .join('\n');

beforeEach(async () => {
  t = makeCore({ fastPasswords: true });
  await setUpPair(t);
  ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  const item = await t.core.evidence.ingest([Buffer.from('nginx 访问日志\n'.repeat(3000))], {
    caseId,
    fileName: 'access.log',
    officerIds: ids,
    meta: {
      category: '日志',
      description: '',
      source: '/var/log/nginx',
      method: '复制',
      timeSourceNote: '',
      provider: { name: '', idNumber: '', statement: false },
      original: true,
      copy: { method: '', madeAt: '', madeBy: '' },
    },
  });
  const ev = {
    ...demoEvidence(ids, ids[1]),
    items: [
      {
        id: item.id,
        name: 'access.log',
        category: '日志' as const,
        format: 'LOG',
        source: '/var/log/nginx',
        method: '复制',
        sizeBytes: String(item.sizeBytes),
        sha256: item.sha256,
        sm3: item.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        evidenceId: item.id,
      },
    ],
  };
  const docs = [
    await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids),
    await signedDocument(t, caseId, 'evidence', lawfulEvidence(ev), ids),
  ];
  for (const d of docs)
    await t.must('seals.seal', { documentId: d, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
  bundle = (await t.must('bundles.export', { documentIds: docs })).path;
}, 60_000);
afterEach(() => t.dispose());

async function flipInEntry(name: string, at = 0) {
  flipByte(bundle, (await offsetOf(bundle, name)) + at);
}
const memberNames = async () => (await entriesOf(bundle)).map((e) => e.name);

describe('sealed bundle', () => {
  it('verifies on its own, and with tar, sha256sum and openssl', async () => {
    const r = await verifyBundle(bundle);
    expect(r.ok, await failing()).toBe(true);
    const out = join(t.dir, 'unpacked');
    mkdirSync(out);
    execFileSync('tar', ['-xf', bundle, '-C', out]);
    expect(
      execFileSync(
        'openssl',
        [
          'dgst',
          '-sm3',
          '-verify',
          'device-sm2.pem',
          '-sigopt',
          'distid:1234567812345678',
          '-signature',
          'seals/1/seal.sm2.der',
          'seals/1/seal.json',
        ],
        { cwd: out, encoding: 'utf8' },
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
          'device-ed25519.pem',
          '-rawin',
          '-in',
          'seals/2/seal.json',
          '-sigfile',
          'seals/2/seal.ed25519.sig',
        ],
        { cwd: out, encoding: 'utf8' },
      ),
    ).toMatch(/Signature Verified Successfully/);
    const payload = JSON.parse(readFileSync(join(out, 'seals/2/seal.json'), 'utf8')) as {
      evidence: { sha256: string; sm3: string }[];
    };
    const ev = payload.evidence[0]!;
    expect(execFileSync('sha256sum', [`evidence/${ev.sha256}`], { cwd: out, encoding: 'utf8' })).toContain(ev.sha256);
    expect(
      execFileSync('openssl', ['dgst', '-sm3', `evidence/${ev.sha256}`], { cwd: out, encoding: 'utf8' }),
    ).toContain(ev.sm3);
    // npm run verify on the bundle file: every check passes, but this device never enrolled, so
    // nothing ties its keys to an office — exit 3, never 全部通过 (the trust chain: bundle-tamper.test.ts).
    const cli = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'verify.ts'), bundle], {
      encoding: 'utf8',
    });
    expect(cli.status, cli.stdout).toBe(3);
    expect(cli.stdout).toContain('核验结论：其余各项核验通过，但包中没有总部证书，无法证明这些签名密钥属于哪个网信办');
    expect(cli.stdout).not.toContain('全部通过');
  });

  it("the export is in the case's audit log, naming the documents and their seals", async () => {
    const seals = t.core.seals.rows();
    const caseId = t.core.documents.caseOf(seals[0]!.document_id);
    const row = (await t.must('audit.list', { caseId })).find((r) => r.action === 'export-bundle');
    expect(row).toMatchObject({ caseId, targets: seals.flatMap((s) => [s.document_id, s.hash_sha256]) });
    expect(row!.detail).toContain(bundle.split('/').pop());
  });

  it('in the app (bundles.verify): by full path or by its name in exports/; a wrong path or a file that is no bundle is said so in Chinese', async () => {
    const full = await t.must('bundles.verify', { path: bundle });
    expect(full.ok, await failing()).toBe(true);
    expect(full.checks.map((c) => c.what)).toEqual(
      expect.arrayContaining(['封存包文件清单', '封存链', '封存与审计日志对照', '审计日志链']),
    );
    expect((await t.must('bundles.verify', { path: bundle.split('/').pop()! })).ok).toBe(true);
    expect(await t.call('bundles.verify', { path: 'usb/封存包.tar' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/完整路径/) },
    });
    expect(await t.call('bundles.verify', { path: join(t.dir, '没有这个文件.tar') })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/找不到封存包文件/) },
    });
    const notTar = join(t.dir, 'note.tar');
    writeFileSync(notTar, '这不是封存包');
    const r = await t.must('bundles.verify', { path: notTar });
    expect(r.ok).toBe(false);
    expect(r.checks[0]!.what).toBe('封存包');
    await flipInEntry('seals/1/document.json', 20);
    expect(
      (await t.must('bundles.verify', { path: bundle })).checks
        .filter((c) => !c.ok)
        .map((c) => c.detail)
        .join('；'),
    ).toMatch(/文书 网信案询.*的内容与封存时的校验值不符/);
  });

  it('one byte of an evidence file', async () => {
    const ev = (await memberNames()).find((n) => n.startsWith('evidence/'))!;
    await flipInEntry(ev, 5);
    expect(await failing()).toMatch(/电子数据「access.log」的内容与封存时的校验值不符/);
  });

  it('a damaged chunk of a stored evidence file: the export is refused, naming the item and the chunk', async () => {
    const { sha256, size_bytes: size } = t.core.db.prepare(`SELECT sha256, size_bytes FROM evidence`).get() as {
      sha256: string;
      size_bytes: number;
    };
    const blob = t.core.evidence.blobs.pathOf(sha256);
    const bytes = readFileSync(blob);
    bytes[HEADER_BYTES + 7]! ^= 0x01;
    writeFileSync(blob, bytes);
    const docs = t.core.seals.rows().map((s) => s.document_id);
    const r = await t.call('bundles.export', { documentIds: docs });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'integrity',
        message: `电子数据「access.log」第 1 段（字节 0–${size - 1}）校验失败：内容被篡改或存储介质损坏。请先在本机核验。`,
      },
    });
  });

  it('one byte of a document', async () => {
    await flipInEntry('seals/1/document.json', 20);
    expect(await failing()).toMatch(/文书 网信案询.*的内容与封存时的校验值不符/);
  });

  it('a signature image', async () => {
    const png = (await memberNames()).find((n) => n.endsWith('.png'))!;
    await flipInEntry(png, 40);
    expect(await failing()).toMatch(/的图像被改动|内容与清单不符/);
  });

  it("a seal's text", async () => {
    await flipInEntry('seals/1/seal.json', 30);
    expect(await failing()).toMatch(/SM2签名无效|封存校验值与清单不符|内容与清单不符/);
  });
});

/**
 * Someone with the bundle file takes a seal out: its files from the tar and its entry from the
 * manifest (and, if `fromRequested`, from the documents the export says were chosen), the
 * manifest's file list recomputed so that every file still matches it.
 */
async function withoutSeal(seq: number, fromRequested: boolean) {
  const entries = (await entriesOf(bundle)).filter((e) => !e.name.startsWith(`seals/${seq}/`));
  rewriteManifest(entries, (m) => {
    const gone = m.seals.find((s) => s.seq === seq)!;
    m.seals = m.seals.filter((s) => s.seq !== seq);
    if (fromRequested) m.requested = m.requested.filter((id) => id !== gone.documentId);
  });
  await writeEntries(bundle, entries);
}

describe('the bundle against the audit log', () => {
  async function threeSealedExported() {
    const third = await signedDocument(t, caseId, 'inquiry', laterInquiry(ids[0], ids[1]), ids);
    await t.must('seals.seal', { documentId: third, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
    return t.core.seals.rows().map((s) => s.document_id);
  }

  it('seals 1 and 3 only: the gap is linked through the hash the audit log recorded, and seal 2 is named as not included', async () => {
    const docs = await threeSealedExported();
    bundle = (await t.must('bundles.export', { documentIds: [docs[0]!, docs[2]!] })).path;
    const r = await verifyBundle(bundle);
    expect(r.ok, await failing()).toBe(true);
    expect(r.checks.find((c) => c.what === '未包含的封存（提示）')?.detail).toMatch(
      /另有1份封存未包含在本包中（导出时未选择）：封存2；其中封存2位于包内封存之间/,
    );
    expect(r.checks.find((c) => c.what === '封存链')).toMatchObject({ ok: true });
  });

  it('a seal taken out of tar and manifest, but the manifest still lists its document as chosen: fails, naming it', async () => {
    const docs = await threeSealedExported();
    bundle = (await t.must('bundles.export', { documentIds: docs })).path;
    await withoutSeal(2, false);
    expect(await failing()).toMatch(new RegExp(`封存与审计日志对照：清单所列导出的文书 ${docs[1]} 的封存不在包中`));
  });

  it('a seal taken out of tar, manifest and the chosen documents: still named from the audit log', async () => {
    const docs = await threeSealedExported();
    bundle = (await t.must('bundles.export', { documentIds: docs })).path;
    await withoutSeal(2, true);
    const r = await verifyBundle(bundle);
    expect(r.checks.find((c) => c.what === '未包含的封存（提示）')?.detail).toMatch(/封存2；其中封存2位于包内封存之间/);
  });

  it('a seal the audit log does not record fails', async () => {
    const entries = await entriesOf(bundle);
    const rows = json<{ action: string; detail: string }[]>(entries, 'audit.json');
    // The row's action renamed: the chain check names the edited row, the cross-check the seal.
    rows.find((r) => r.action === 'seal' && r.detail === 'seq 1')!.action = 'seal-x';
    put(entries, 'audit.json', canonicalJson(rows));
    rewriteManifest(entries);
    await writeEntries(bundle, entries);
    const out = await failing();
    expect(out).toMatch(/封存与审计日志对照：封存1不在审计日志中/);
    expect(out).toMatch(/审计日志第\d+条内容被改动（seal-x）/);
  });
});
