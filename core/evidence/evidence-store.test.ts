import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../app-core.ts';
import { makeCore, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';

let t: TestCore;
let caseId: string;
let officerIds: string[];
const meta = { category: '截图' as const, description: '后台管理员设置页面', source: 'https://www.xinghe-news.cn/admin/users/1', method: '屏幕截图' };

beforeEach(async () => {
  t = makeCore();
  await setUpPair(t);
  officerIds = (await t.must('officers.list', {})).map((o) => o.id);
  caseId = (await t.must('cases.create', orgCaseInput(officerIds, 'csl-59'))).id;
});
afterEach(() => {
  t.dispose();
  rmSync(`${t.dir}-files`, { recursive: true, force: true });
});

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
    expect(readFileSync(t.core.evidence.blobs.pathOf(item.sha256)).equals(bytes)).toBe(true);
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    expect(t.core.evidence.list(caseId).map((e) => e.id)).toEqual([item.id]);
  });

  it('the same bytes twice in a case are refused, naming the earlier copy', async () => {
    const bytes = randomBytes(1000);
    await t.core.evidence.importPath(file('first.png', bytes), { caseId, meta, officerIds });
    await expect(t.core.evidence.importPath(file('again.png', bytes), { caseId, meta, officerIds })).rejects.toThrow(/本案已导入过完全相同的内容：「first\.png」/);
    expect(t.core.evidence.list(caseId)).toHaveLength(1);
  });

  it('a missing file is a clear error and stores nothing', async () => {
    await expect(t.core.evidence.importPath(join(t.dir, 'nope.png'), { caseId, meta, officerIds })).rejects.toThrow(/找不到或无法读取文件「nope\.png」/);
    expect(t.core.evidence.list(caseId)).toEqual([]);
  });

  it('a file that changes while it is read is refused and nothing is kept', async () => {
    const path = file('growing.log', randomBytes(8 * 1024 * 1024));
    const importing = t.core.evidence.importPath(path, { caseId, meta, officerIds, onProgress: (n) => n > 1_000_000 && n < 2_200_000 && appendFileSync(path, 'x') });
    await expect(importing).rejects.toThrow(/在读取过程中被修改/);
    expect(t.core.evidence.list(caseId)).toEqual([]);
    expect(t.core.evidence.blobs.list()).toEqual([]);
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
    expect(report.failures.map((f) => [f.fileName, f.status])).toEqual([
      ['bad.txt', 'mismatch'],
      ['gone.txt', 'missing'],
    ]);
    expect(t.core.evidence.get(good.id).verifyStatus).toBe('ok');
    expect(t.core.evidence.get(bad.id).verifyStatus).toBe('mismatch');
  });

  it('with verifyRecentEvidenceDays, a start re-hashes recent items in the background and logs failures by name', async () => {
    const bad = await t.core.evidence.importPath(file('recent.txt', randomBytes(4000)), { caseId, meta, officerIds });
    const blob = t.core.evidence.blobs.pathOf(bad.sha256);
    const bytes = readFileSync(blob);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(blob, bytes);
    const logged: string[] = [];
    const second = openCore({ dataDir: t.dir, verifyRecentEvidenceDays: 7, log: { info: (m) => logged.push(m), error: (m) => logged.push(m) } });
    try {
      for (let i = 0; i < 100 && !logged.some((m) => m.includes('re-verification')); i++) await new Promise((r) => setTimeout(r, 100));
      expect(logged.join('\n')).toMatch(/1 of 1 item\(s\) failed: recent\.txt \(mismatch\)/);
    } finally {
      second.close();
    }
  });

  it('at start, leftovers of a crash are removed: temp files and blobs no row references', async () => {
    const kept = await t.core.evidence.importPath(file('kept.bin', randomBytes(2000)), { caseId, meta, officerIds });
    writeFileSync(join(t.core.evidence.blobs.tmpDir, 'x.part'), 'half');
    const orphan = 'ab'.repeat(32);
    const dir = join(t.core.evidence.blobs.root, 'ab');
    if (!existsSync(dir)) (await import('node:fs')).mkdirSync(dir);
    writeFileSync(join(dir, orphan), 'no row');
    t.reopen();
    expect(readdirSync(t.core.evidence.blobs.tmpDir)).toEqual([]);
    expect(t.core.evidence.blobs.has(orphan)).toBe(false);
    expect(t.core.evidence.blobs.has(kept.sha256)).toBe(true);
  });
});
