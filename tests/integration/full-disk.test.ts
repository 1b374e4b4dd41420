// A full disk during an evidence import: a clear message in Chinese, nothing stored (no row, no
// temp file, no blob), and the database still healthy. Uses a real small filesystem (tmpfs);
// where mounting is not permitted the test is skipped and says so.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api/dispatch.ts';
import { openCore, type AppCore } from '../../core/app-core.ts';
import { newCustody } from '../../core/vault/key-custody.ts';
import { silentLog } from '../../protocol/runtime/log.ts';
import { AGENCY, OFFICER_A, OFFICER_B, orgCaseInput } from '../support/core-fixture.ts';

const mountPoint = mkdtempSync(join(tmpdir(), 'small-disk-'));
function tryMount(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mounted = process.platform === 'linux' && tryMount();
if (!mounted)
  console.warn('full-disk test skipped: mounting a small tmpfs is not permitted on this machine (needs root)');

let core: AppCore;
let caseId = '';
beforeAll(async () => {
  if (!mounted) return;
  core = openCore({ dataDir: join(mountPoint, 'data'), log: silentLog, custody: newCustody(join(mountPoint, 'data')) });
  const must = async (name: string, arg: unknown) => {
    const r = await dispatch(core, name, arg);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: string };
  };
  await must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
  await must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
  await must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
  const ids = ((await dispatch(core, 'officers.list', {})) as { value: { id: string }[] }).value.map((o) => o.id);
  caseId = (await must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
});
afterAll(() => {
  if (mounted) {
    core?.close();
    execFileSync('umount', [mountPoint]);
  }
  rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(!mounted)('full disk (8 MB tmpfs; skipped where mounting is not permitted)', () => {
  it('an import larger than the free space fails in Chinese, stores nothing, and the database stays healthy', async () => {
    const big = join(tmpdir(), `big-${process.pid}.bin`);
    writeFileSync(big, randomBytes(20 * 1024 * 1024));
    try {
      await expect(
        core.evidence.importPath(big, { caseId, officerIds: [], meta: { category: '录屏' } }),
      ).rejects.toThrow(/磁盘空间已满，本件电子数据没有保存/);
    } finally {
      rmSync(big, { force: true });
    }
    expect(core.evidence.list(caseId)).toEqual([]);
    expect(readdirSync(core.evidence.blobs.tmpDir)).toEqual([]);
    expect(core.evidence.blobs.list()).toEqual([]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // and the app goes on working once space is free again
    const small = join(tmpdir(), `small-${process.pid}.bin`);
    writeFileSync(small, randomBytes(100_000));
    try {
      const item = await core.evidence.importPath(small, { caseId, officerIds: [], meta: { category: '文档' } });
      expect(item.sizeBytes).toBe(100_000);
    } finally {
      rmSync(small, { force: true });
    }
  });
});
