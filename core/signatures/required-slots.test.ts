// Which slots each document type needs before it is 已签名.
import { describe, expect, it } from 'vitest';
import { demoEvidence, demoPreservation } from '../../scripts/demo-documents.ts';
import { printable } from '../../tests/support/print-fixtures.ts';
import { PdfService } from '../../protocol/print/pdf-service.ts';
import { requiredSlots } from './required-slots.ts';

const pdf = new PdfService();
const slots = (doc: ReturnType<typeof printable>) =>
  requiredSlots(pdf.layout(doc)).map(
    (s) => `${s.slotId}@${s.page ?? 'end'}:${s.role}${s.officerId ? `:${s.officerId}` : ''}`,
  );
const witness = {
  name: '赵见证',
  idType: '居民身份证',
  idNumber: '45020319750306001X',
  unit: '物业',
  role: '经理',
  phone: '',
};

describe('required slots', () => {
  it('询问笔录: the interviewee on every page and at the end; 询问人 and 记录人 (officers) at the end; 翻译人员 when there is one', () => {
    const doc = printable('inquiry');
    const pages = pdf.layout(doc).pages.length;
    expect(slots(doc)).toEqual([
      ...Array.from({ length: pages }, (_, i) => `interviewee@${i + 1}:被询问人`),
      'interviewee@end:被询问人',
      'inquirer@end:执法人员:o1',
      'recorder@end:记录人:o2',
    ]);
    const withInterpreter = printable('inquiry', {
      content: { ...doc.content, interpreter: { name: '阿依古丽', unit: '翻译协会', contact: '' } },
    });
    expect(slots(withInterpreter).at(-1)).toBe('interpreter@end:翻译人员');
  });

  it('现场笔录: the party on every page; the witness only when there is one; both inspectors and the recorder', () => {
    const doc = printable('onsite');
    expect(slots(doc).filter((s) => s.startsWith('witness'))).toEqual([]);
    expect(
      slots(doc).filter(
        (s) => s.endsWith('@end:执法人员:o1') || s.endsWith('@end:执法人员:o2') || s.startsWith('recorder'),
      ),
    ).toEqual(['inspector-1@end:执法人员:o1', 'inspector-2@end:执法人员:o2', 'recorder@end:记录人:o2']);
    const pages = pdf.layout(doc).pages.length;
    expect(slots(doc).filter((s) => s.startsWith('party@') && !s.includes('@end'))).toHaveLength(pages);
    // DOCUMENTS.md §2: with a witness, the witness signs every page as well as the end.
    const withWitness = printable('onsite', { content: { ...doc.content, witness } });
    const n = pdf.layout(withWitness).pages.length;
    expect(slots(withWitness).filter((s) => s.startsWith('witness@'))).toEqual([
      ...Array.from({ length: n }, (_, i) => `witness@${i + 1}:见证人`),
      'witness@end:见证人',
    ]);
    expect(
      pdf.layout(withWitness).pages.every(
        (p) =>
          p.slots
            .filter((s) => s.perPage)
            .map((s) => s.label)
            .join('|') === '当事人签名|见证人签名|检查人员|记录人',
      ),
    ).toBe(true);
  });

  it('电子取证工作记录: both collectors and the recorder; the holder on every page and at the end; the witness when named', () => {
    const doc = printable('evidence', { content: demoEvidence(['o1', 'o2'], 'o2') });
    const s = slots(doc);
    expect(s).toEqual(
      expect.arrayContaining([
        'collector-1@end:执法人员:o1',
        'collector-2@end:执法人员:o2',
        'recorder@end:记录人:o2',
        'holder@end:持有人/提供人',
        'witness@end:见证人',
      ]),
    );
    expect(s.filter((x) => x.startsWith('holder@') && !x.includes('@end'))).toHaveLength(pdf.layout(doc).pages.length);
    // DOCUMENTS.md §3 lists the witness among the signatures with dates, not on every page.
    expect(s.filter((x) => x.startsWith('witness@'))).toEqual(['witness@end:见证人']);
  });

  it('登记保存物品清单及通知书: the party, both officers, the party again to acknowledge the notice; the witness at the end (§4)', () => {
    const s = slots(printable('preservation', { content: { ...demoPreservation(['o1', 'o2']), witness } }));
    expect(s).toEqual(
      expect.arrayContaining([
        'party@end:当事人',
        'officer-1@end:执法人员:o1',
        'officer-2@end:执法人员:o2',
        'party-receipt@end:当事人',
        'witness@end:见证人',
      ]),
    );
    expect(s.filter((x) => x.startsWith('witness@'))).toEqual(['witness@end:见证人']);
  });
});
