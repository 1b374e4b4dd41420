// What the officers record about an item at entry — original or copy (and for a copy how, when and
// by whom it was made), the provider and the art. 26 statement, the device serial — reaches the
// 电子取证工作记录's 电子数据清单 row and its printed page; rows written before it print as before.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceItemRowSchema } from '../../shared/documents/types/evidence/content.ts';
import { providerStatement, provenanceText } from '../../shared/evidence/provenance.ts';
import { pdftotextRaw } from '../../tests/support/poppler.ts';
import { makeCore, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';
import { runImport } from './run-import.ts';

let t: TestCore;
let caseId: string;
let docId: string;
const out = mkdtempSync(join(tmpdir(), 'provenance-pdf-'));

beforeAll(async () => {
  t = makeCore();
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id);
  caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  docId = (await t.must('documents.create', { caseId, type: 'evidence' })).id;
});
afterAll(() => {
  t.dispose();
  rmSync(out, { recursive: true, force: true });
});

const pdfText = async (id: string) => {
  const pdf = await t.must('documents.pdf', { id });
  const file = join(out, `${id}.pdf`);
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  // pdftotext breaks lines where the PDF does: join them to find a phrase whatever the wrapping.
  return pdftotextRaw(file).replace(/\s+/g, '');
};

describe('provenance of an imported item', () => {
  it('an imported copy with a provider gives a 清单 row with its particulars, printed with the statement', async () => {
    const meta = {
      category: '数据库导出' as const,
      source: '当事人后台服务器',
      sourceDeviceSerial: 'SN-7F3K-20931',
      method: '调取',
      description: '平台用户注册信息导出表',
      provider: { name: '张三', idNumber: '', statement: true },
      original: false,
      copy: { method: '从当事人服务器导出至取证U盘', madeAt: '2026-11-28T10:30', madeBy: '李明' },
    };
    const bytes = randomBytes(300_000);
    const { ticket } = await t.must('evidence.beginImport', {
      caseId,
      documentId: docId,
      fileName: '用户注册信息.csv',
      sizeBytes: bytes.length,
      meta,
    });
    const r = await runImport(t.core, ticket, [bytes]);
    expect(r.ok).toBe(true);

    const doc = await t.must('documents.get', { id: docId });
    const row = EvidenceItemRowSchema.parse((doc.content.items as unknown[])[0]);
    expect(row.provenance).toEqual({
      original: false,
      copyMethod: '从当事人服务器导出至取证U盘',
      copyMadeAt: '2026-11-28T10:30',
      copyMadeBy: '李明',
      provider: '张三',
      providerStatement: true,
      deviceSerial: 'SN-7F3K-20931',
      description: '平台用户注册信息导出表',
      // Left empty in the dialog: the clock's reading at the import itself (not when the dialog opened).
      timeSourceNote: expect.stringMatching(/^本机时钟，导入时为 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/),
    });
    // The case page reads the item itself: the serial is kept as its own field.
    expect((await t.must('evidence.list', { caseId }))[0]!.meta.sourceDeviceSerial).toBe('SN-7F3K-20931');

    const text = await pdfText(docId);
    expect(text).toContain('此件由张三提供，经核对与原件无异');
    expect(text).toContain('制作方法：从当事人服务器导出至取证U盘');
    expect(text).toContain('制作时间：2026年11月28日10时30分'); // template 2026.1: 年月日时分
    expect(text).toContain('制作人：李明');
    expect(text).toContain('设备序列号：SN-7F3K-20931');
  });

  it('the statement names the provider; an original has no copy particulars', () => {
    expect(providerStatement('王五')).toBe('此件由王五提供，经核对与原件无异');
    const original = {
      original: true,
      copyMethod: '',
      copyMadeAt: '',
      copyMadeBy: '',
      provider: '王五',
      providerStatement: false,
      deviceSerial: '',
      description: '',
      timeSourceNote: '',
    };
    expect(provenanceText(original)).toBe('原件；提供人：王五');
  });

  it('a row written before provenance was recorded parses without one and prints no note', async () => {
    const old = {
      id: 'r1',
      name: '旧截图.png',
      category: '截图',
      format: 'PNG',
      source: 'https://example.cn/',
      method: '截图',
      sizeBytes: '',
      sha256: '',
      sm3: '',
      time: '',
      medium: 'U盘',
      evidenceId: '',
    };
    expect('provenance' in EvidenceItemRowSchema.parse(old)).toBe(false);
    const other = await t.must('documents.create', { caseId, type: 'evidence' });
    const d = await t.must('documents.get', { id: other.id });
    await t.must('documents.save', { id: other.id, revision: d.revision, content: { ...d.content, items: [old] } });
    const text = await pdfText(other.id);
    expect(text).toContain('旧截图.png');
    expect(text).not.toContain('备注：');
  });
});
