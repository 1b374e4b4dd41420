import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.ts';
import { openCore } from '../app-core.ts';
import type { CoreError } from '../../protocol/runtime/core-error.ts';
import { makeCore, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';
import { DEFAULT_CHUNK_BYTES, HEADER_BYTES } from '../../protocol/storage/blob-cipher.ts';
import { EvidenceStore } from './evidence-store.ts';

let t: TestCore;
let caseId: string;
let officerIds: string[];
const meta = {
  category: '截图' as const,
  description: '后台管理员设置页面',
  source: 'https://www.xinghe-news.cn/admin/users/1',
  method: '屏幕截图',
};

beforeEach(async () => {
  t = makeCore({ fastPasswords: true });
  await setUpPair(t);
  officerIds = (await t.must('officers.list', {})).map((o) => o.id);
  caseId = (await t.must('cases.create', orgCaseInput(officerIds, 'csl-59'))).id;
});
afterEach(() => {
  t.dispose();
  rmSync(`${t.dir}-files`, { recursive: true, force: true });
});

/**
 * Imports `path` in a child process that is root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
 * (setpriv, util-linux): a mode-000 file is then as unreadable to it as to any officer's account.
 */
function importAsRootWithoutReadOverride(
  dataDir: string,
  kase: string,
  documentId: string,
  path: string,
  officer: string,
): { ok: boolean; kind?: string; message?: string } {
  const out = execFileSync(
    'setpriv',
    [
      '--bounding-set=-dac_override,-dac_read_search',
      '--inh-caps=-all',
      process.execPath,
      join(ROOT, 'tests', 'support', 'import-once.ts'),
      dataDir,
      kase,
      documentId,
      path,
      officer,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ok: boolean; kind?: string; message?: string };
}

/** A file outside the data folder, as an officer's file would be. */
function file(name: string, bytes: Buffer): string {
  mkdirSync(`${t.dir}-files`, { recursive: true });
  const p = join(`${t.dir}-files`, name);
  writeFileSync(p, bytes);
  return p;
}

describe('evidence store', () => {
  it('stores the bytes once under their SHA-256 and records both digests', async () => {
    const bytes = randomBytes(300_000);
    const item = await t.core.evidence.importPath(file('a.png', bytes), { caseId, meta, officerIds });
    expect(item.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(item.sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(item).toMatchObject({ fileName: 'a.png', format: 'PNG', sizeBytes: 300_000, collectedBy: officerIds });
    const stored = [];
    for await (const c of t.core.evidence.blobs.read(item.sha256)) stored.push(Buffer.from(c));
    expect(Buffer.concat(stored).equals(bytes)).toBe(true);
    expect(await t.core.evidence.digestStored(item.sha256)).toEqual({
      sha256: item.sha256,
      sm3: item.sm3,
      size: 300_000,
    });
    // On disk only ciphertext, under a name that is not the SHA-256.
    const onDisk = readFileSync(t.core.evidence.blobs.pathOf(item.sha256));
    expect(onDisk.includes(bytes.subarray(1000, 1032))).toBe(false);
    expect(t.core.evidence.blobs.list()).toEqual([t.core.evidence.blobs.nameOf(item.sha256)]);
    expect(t.core.evidence.blobs.pathOf(item.sha256)).not.toContain(item.sha256);
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    expect(t.core.evidence.list(caseId).map((e) => e.id)).toEqual([item.id]);
  });

  it('the same bytes twice in a case are refused, naming the earlier copy', async () => {
    const bytes = randomBytes(1000);
    await t.core.evidence.importPath(file('first.png', bytes), { caseId, meta, officerIds });
    await expect(t.core.evidence.importPath(file('again.png', bytes), { caseId, meta, officerIds })).rejects.toThrow(
      /本案已导入过完全相同的内容：「first\.png」/,
    );
    expect(t.core.evidence.list(caseId)).toHaveLength(1);
  });

  it('a missing file is a clear error and stores nothing', async () => {
    await expect(t.core.evidence.importPath(join(t.dir, 'nope.png'), { caseId, meta, officerIds })).rejects.toThrow(
      /找不到或无法读取文件「nope\.png」/,
    );
    expect(t.core.evidence.list(caseId)).toEqual([]);
  });

  it('a file that changes while it is read is refused before anything is stored: no row, blob, 清单 row, step or audit entry', async () => {
    const docId = (await t.must('documents.create', { caseId, type: 'evidence' })).id;
    const docBefore = await t.must('documents.get', { id: docId });
    const auditBefore = t.core.audit.rows().length;
    let committed = false;
    const path = file('growing.log', randomBytes(8 * 1024 * 1024));
    const importing = t.core.evidence.importPath(path, {
      caseId,
      meta,
      officerIds,
      onProgress: (n) => n > 1_000_000 && n < 2_200_000 && appendFileSync(path, 'x'),
      // What the app's import does in the item's transaction (core/evidence/run-import.ts).
      alsoInTransaction: (it) => {
        committed = true;
        t.core.documents.appendEvidence(docId, it, t.core.clock.now());
        t.core.audit.append({
          action: 'evidence-import',
          officerIds,
          caseId,
          targets: [it.id, docId],
          detail: `SHA-256 ${it.sha256}`,
        });
      },
    });
    await expect(importing).rejects.toMatchObject({
      kind: 'conflict',
      message:
        '文件「growing.log」在读取过程中被修改（大小或修改时间发生变化），已放弃本次导入，未保存任何内容。请在文件不再变化后重新导入。',
    });
    expect(committed).toBe(false); // refused before the transaction, not rolled back after it
    expect(t.core.evidence.list(caseId)).toEqual([]);
    expect(t.core.evidence.blobs.list()).toEqual([]);
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    const docAfter = await t.must('documents.get', { id: docId });
    expect(docAfter.revision).toBe(docBefore.revision);
    expect(docAfter.content.items).toEqual(docBefore.content.items);
    expect(docAfter.content.steps).toEqual(docBefore.content.steps);
    expect(t.core.audit.rows().length).toBe(auditBefore);
    // Once it stops changing, the same file imports.
    expect((await t.core.evidence.importPath(path, { caseId, meta, officerIds })).sizeBytes).toBe(statSync(path).size);
  });

  it('a file deleted while it is read is refused and nothing is kept', async () => {
    const path = file('vanishing.mp4', randomBytes(4 * 1024 * 1024));
    const importing = t.core.evidence.importPath(path, {
      caseId,
      meta,
      officerIds,
      onProgress: (n) => n >= 1 << 20 && rmSync(path, { force: true }),
    });
    await expect(importing).rejects.toThrow(/文件「vanishing\.mp4」在读取过程中被修改/);
    expect(t.core.evidence.list(caseId)).toEqual([]);
    expect(t.core.evidence.blobs.list()).toEqual([]);
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
  });

  it('a file this process may not read (EACCES) is a clear error and stores nothing', async () => {
    const path = file('locked.png', randomBytes(100_000));
    chmodSync(path, 0o000);
    const docId = (await t.must('documents.create', { caseId, type: 'evidence' })).id;
    let outcome: { ok: boolean; kind?: string; message?: string };
    if (process.getuid?.() !== 0) {
      outcome = await t.core.evidence.importPath(path, { caseId, meta, officerIds }).then(
        () => ({ ok: true }),
        (e: CoreError) => ({ ok: false, kind: e.kind, message: e.message }),
      );
    } else {
      // root reads any file whatever its mode (CAP_DAC_OVERRIDE): the import runs in a child that
      // is root without that capability, so the kernel refuses the read for real.
      t.core.close();
      try {
        outcome = importAsRootWithoutReadOverride(t.dir, caseId, docId, path, officerIds[0]!);
      } finally {
        t.reopen();
      }
    }
    expect(outcome).toEqual({
      ok: false,
      kind: 'io',
      message: '没有权限读取或写入文件，本件电子数据没有保存。请检查文件权限后重试。',
    });
    expect(t.core.evidence.list(caseId)).toEqual([]);
    expect(t.core.evidence.blobs.list()).toEqual([]);
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    expect(t.core.documents.get(docId).content.items).toEqual([]); // (the reopened core has no one signed in)
  });

  it('a path that is not a file (a folder) is refused in Chinese', async () => {
    mkdirSync(`${t.dir}-files/一个文件夹`, { recursive: true });
    await expect(t.core.evidence.importPath(`${t.dir}-files/一个文件夹`, { caseId, meta, officerIds })).rejects.toThrow(
      '「一个文件夹」不是文件，无法导入。',
    );
    expect(t.core.evidence.list(caseId)).toEqual([]);
  });

  it('re-verification names a tampered item and a missing one', async () => {
    const good = await t.core.evidence.importPath(file('good.txt', randomBytes(5000)), { caseId, meta, officerIds });
    const bad = await t.core.evidence.importPath(file('bad.txt', randomBytes(5000)), { caseId, meta, officerIds });
    const gone = await t.core.evidence.importPath(file('gone.txt', randomBytes(5000)), { caseId, meta, officerIds });
    expect(await t.core.evidence.reverify({ caseId })).toEqual({ checked: 3, failures: [] });
    const blob = t.core.evidence.blobs.pathOf(bad.sha256);
    const bytes = readFileSync(blob);
    bytes[1234] = bytes[1234]! ^ 0x01; // one flipped bit
    writeFileSync(blob, bytes);
    t.core.evidence.blobs.remove(gone.sha256);
    const report = await t.core.evidence.reverify({ caseId });
    expect(report.checked).toBe(3);
    expect(report.failures.map((f) => [f.fileName, f.status, f.detail])).toEqual([
      ['bad.txt', 'mismatch', '「bad.txt」第 1 段（字节 0–4999）校验失败：内容被篡改或存储介质损坏。'],
      ['gone.txt', 'missing', '「gone.txt」的内容文件在本机存储中找不到。'],
    ]);
    expect(t.core.evidence.get(good.id).verifyStatus).toBe('ok');
    expect(t.core.evidence.get(bad.id).verifyStatus).toBe('mismatch');
  });

  // The log file is not encrypted: a failure is named by the item's random id, never its file name (docs/SECURITY.md "Log files").
  it('with verifyRecentEvidenceDays, a start re-hashes recent items in the background and logs failures by item id', async () => {
    const bad = await t.core.evidence.importPath(file('recent.txt', randomBytes(4000)), { caseId, meta, officerIds });
    const blob = t.core.evidence.blobs.pathOf(bad.sha256);
    const bytes = readFileSync(blob);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(blob, bytes);
    const logged: string[] = [];
    const second = openCore({
      dataDir: t.dir,
      custody: t.custody,
      verifyRecentEvidenceDays: 7,
      log: {
        info: (m, f) => logged.push(`${m} ${JSON.stringify(f)}`),
        error: (m, f) => logged.push(`${m} ${JSON.stringify(f)}`),
      },
    });
    try {
      for (let i = 0; i < 100 && !logged.some((m) => m.includes('re-verification')); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(logged.join('\n')).toContain(
        `evidence re-verification: items failed {"failed":1,"checked":1,"items":"${bad.id} mismatch"}`,
      );
      expect(logged.join('\n')).not.toContain('recent.txt');
    } finally {
      second.close();
    }
  });

  it('at start, leftovers of a crash are removed: temp files and blobs no row references', async () => {
    const kept = await t.core.evidence.importPath(file('kept.bin', randomBytes(2000)), { caseId, meta, officerIds });
    writeFileSync(join(t.core.evidence.blobs.tmpDir, 'x.part'), 'half');
    // A blob put in place by an import that died before its row.
    const orphanBytes = randomBytes(3000);
    const orphan = createHash('sha256').update(orphanBytes).digest('hex');
    const temp = t.core.evidence.blobs.createTemp();
    temp.write(orphanBytes);
    temp.finish();
    t.core.evidence.blobs.commit(temp.path, orphan, orphanBytes.length);
    expect(t.core.evidence.blobs.has(orphan)).toBe(true);
    t.reopen();
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    expect(t.core.evidence.blobs.has(orphan)).toBe(false);
    expect(t.core.evidence.blobs.has(kept.sha256)).toBe(true);
    expect(t.core.evidence.blobs.list()).toEqual([t.core.evidence.blobs.nameOf(kept.sha256)]);
  });

  it('clean-up never removes blobs written under another master key (a wrong key must not delete the evidence)', async () => {
    const kept = await t.core.evidence.importPath(file('kept.bin', randomBytes(2000)), { caseId, meta, officerIds });
    const logged: string[] = [];
    const wrong = new EvidenceStore({
      db: t.core.db,
      clock: t.core.clock,
      log: { info: (m) => logged.push(m), error: (m) => logged.push(m) },
      dataDir: t.dir,
      masterKey: randomBytes(32),
      sealedEvidence: () => t.core.seals.evidenceSha256s(),
    });
    expect(wrong.cleanUpAfterCrash()).toEqual({ temp: 0, orphans: 0, foreign: 1 });
    expect(logged.join('\n')).toMatch(/1 blob file\(s\) were not written under this device's master key; kept/);
    expect(t.core.evidence.blobs.has(kept.sha256)).toBe(true);
    // Under the wrong key the item cannot be found; under the right one it verifies.
    expect((await wrong.reverify({ caseId })).failures.map((f) => f.status)).toEqual(['missing']);
    expect((await t.core.evidence.reverify({ caseId })).failures).toEqual([]);
  });

  it('re-verification names the tampered item and the chunk, with its bytes', async () => {
    const bytes = randomBytes(3 * DEFAULT_CHUNK_BYTES + 1000);
    const item = await t.core.evidence.importPath(file('现场照片1.jpg', bytes), { caseId, meta, officerIds });
    const blob = t.core.evidence.blobs.pathOf(item.sha256);
    const stored = readFileSync(blob);
    stored[HEADER_BYTES + 2 * (DEFAULT_CHUNK_BYTES + 16) + 777]! ^= 0x80; // in the third chunk
    writeFileSync(blob, stored);
    const report = await t.core.evidence.reverify({ caseId });
    const caseNo = (await t.must('cases.get', { id: caseId })).caseNo;
    expect(report.failures).toEqual([
      {
        id: item.id,
        fileName: '现场照片1.jpg',
        caseId,
        caseNo,
        status: 'mismatch',
        detail: '「现场照片1.jpg」第 3 段（字节 2097152–3145727）校验失败：内容被篡改或存储介质损坏。',
      },
    ]);
    expect(t.core.evidence.get(item.id).verifyStatus).toBe('mismatch');
    // Every other reader names it too.
    await expect(async () => {
      for await (const c of t.core.evidence.readStored(item.sha256, '现场照片1.jpg')) void c;
    }).rejects.toMatchObject({
      kind: 'integrity',
      message: expect.stringContaining('电子数据「现场照片1.jpg」第 3 段（字节 2097152–3145727）校验失败'),
    });
    await expect(
      t.core.evidence.readStoredRange(item.sha256, '现场照片1.jpg', 2 * DEFAULT_CHUNK_BYTES - 5, 10),
    ).rejects.toMatchObject({ kind: 'integrity' });
    expect(
      (await t.core.evidence.readStoredRange(item.sha256, '现场照片1.jpg', 0, 10)).equals(bytes.subarray(0, 10)),
    ).toBe(true);
  });

  it('the temp file of an import in progress holds no plaintext', async () => {
    const marker = Buffer.from('MARKER:现场笔录原文，不得以明文落盘。');
    const piece = Buffer.concat(
      Array.from({ length: Math.ceil((DEFAULT_CHUNK_BYTES / marker.length) * 3) }, () => marker),
    ); // > 3 chunks
    let paused!: () => void;
    const reachedPause = new Promise<void>((r) => (paused = r));
    let resume!: () => void;
    const resumed = new Promise<void>((r) => (resume = r));
    async function* source() {
      yield piece;
      yield piece;
      paused();
      await resumed;
      yield marker;
    }
    const importing = t.core.evidence.ingest(source(), { caseId, fileName: '笔录.txt', meta, officerIds });
    await reachedPause;
    const parts = readdirSync(t.core.evidence.blobs.tmpDir);
    expect(parts).toHaveLength(1);
    const partial = readFileSync(join(t.core.evidence.blobs.tmpDir, parts[0]!));
    expect(partial.length).toBeGreaterThan(5 * DEFAULT_CHUNK_BYTES); // the chunks so far are written…
    expect(partial.includes(marker.subarray(0, 16))).toBe(false); // …encrypted
    resume();
    const item = await importing;
    expect(item.sizeBytes).toBe(2 * piece.length + marker.length);
    expect(readFileSync(t.core.evidence.blobs.pathOf(item.sha256)).includes(marker.subarray(0, 16))).toBe(false);
    expect(await t.core.evidence.digestStored(item.sha256)).toEqual({
      sha256: item.sha256,
      sm3: item.sm3,
      size: item.sizeBytes,
    });
  });
});
