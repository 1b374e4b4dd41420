// The 签名情况记录 page is printed only when a signature has something to state on it. Found by the
// case walk (tests/e2e/case-walk.e2e.ts): a 送达回证 signed by hand by its 签收人 and the two
// officers got a page saying only what the record is for, appended to the sealed document.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printable } from '../../tests/support/print-fixtures.ts';
import { pdftotextRaw } from '../../tests/support/poppler.ts';
import { PdfService } from './pdf-service.ts';
import type { PrintSignature } from './print-signature.ts';
import { hasRecord } from './signing-record.ts';

const dir = mkdtempSync(join(tmpdir(), 'signing-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdf = new PdfService();

/** A signature of format 2 in the 送达回证's 签收人 slot: by hand, or by stamp for an organisation. */
function receiver(mark: '签名' | '盖章'): PrintSignature {
  const stamp = mark === '盖章';
  return {
    slotId: 'receiver',
    page: null,
    status: 'signed',
    image: null,
    signerName: '陈立新',
    signedAt: '2026-11-20T04:45:00.000Z',
    reason: '',
    detail: {
      id: 's1',
      role: '签收人',
      label: '签收人',
      offered: false,
      mirroredAs: [],
      how: {
        mark,
        capture: stamp ? 'photo' : null,
        onBehalfOf: stamp ? '柳州市星河网络科技有限公司' : '',
        signerRole: stamp ? '总经理' : '',
        authority: stamp ? '法定代表人' : '',
        authorisationEvidenceId: null,
        reusedOnPages: false,
      },
      notedBy: [],
      witness: null,
      recording: null,
    },
  };
}

async function printed(sigs: PrintSignature[]) {
  const doc = printable('delivery', { version: '2026.1' });
  const out = await pdf.print(doc, { signatures: sigs });
  const file = join(dir, `${sigs.map((s) => s.detail?.how.mark).join('-') || 'none'}.pdf`);
  writeFileSync(file, out.bytes);
  return {
    pages: out.pages,
    text: pdftotextRaw(file).replace(/\s+/g, ''),
    formFeeds: pdftotextRaw(file).split('\f').length - 1,
  };
}

describe('the 签名情况记录 page', () => {
  it('is not printed when every signature is a plain handwritten one', async () => {
    expect(hasRecord([receiver('签名')])).toBe(false);
    const p = await printed([receiver('签名')]);
    expect(p.text).not.toContain('签名情况记录');
    expect(p.formFeeds).toBe(p.pages);
  });

  it('is printed when a signature says more than its image (盖章 for an organisation)', async () => {
    expect(hasRecord([receiver('盖章')])).toBe(true);
    const p = await printed([receiver('盖章')]);
    expect(p.text).toContain('签名情况记录');
    expect(p.text).toMatch(
      /「签收人」：陈立新代表柳州市星河网络科技有限公司（职务：总经理；身份：法定代表人）于2026年11月20日12时45分盖章/,
    );
    expect(p.formFeeds).toBe(p.pages + 1);
  });
});
