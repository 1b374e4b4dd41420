// Every identity-number field stores the number as it is printed: what a Chinese input method gives
// (full-width digits and letters, spaces, a lower-case x) is read, not kept as typed — in the case's
// party, in every document's persons, in an evidence item's provider.
import { describe, expect, it } from 'vitest';
import { PartySchema } from '../domain/case.ts';
import { EvidenceContentSchema } from '../documents/types/evidence/content.ts';
import { InquiryContentSchema } from '../documents/types/inquiry/content.ts';
import { OnsiteContentSchema } from '../documents/types/onsite/content.ts';
import { EvidenceMetaSchema } from '../evidence/evidence-schema.ts';
import { creditCodeCheckChar } from './credit-code.ts';
import { residentIdCheckChar } from './resident-id.ts';

const valid = (() => {
  for (let n = 0; ; n++) {
    const first17 = `4502031988051200${n}`;
    if (residentIdCheckChar(first17) === 'X') return `${first17}X`;
  }
})();
/** As a full-width input method types it, with a lower-case ｘ and an ideographic space. */
const typed = `${[...valid.slice(0, 9)].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('')}\u3000${valid.slice(9, 17)}x`;

describe('identity numbers are stored as printed', () => {
  it('the number typed is the valid one once read', () => {
    expect(typed).not.toBe(valid);
    expect(valid.endsWith('X')).toBe(true);
  });

  it('in a case’s party (a person) and a credit code typed full-width', () => {
    const p = PartySchema.parse({
      kind: 'person',
      name: '黄㵘',
      idType: '居民身份证',
      idNumber: typed,
      address: '柳州',
      phone: '',
    });
    expect(p).toMatchObject({ idNumber: valid });
    const code = `91450204MA5N8K2X7${creditCodeCheckChar('91450204MA5N8K2X7')}`;
    const fullWidth = [...code.toLowerCase()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    const org = PartySchema.parse({
      kind: 'organisation',
      name: '柳州市星河网络科技有限公司',
      creditCode: fullWidth,
      legalRepresentative: '陈立新',
      address: '柳州',
      phone: '',
    });
    expect(org).toMatchObject({ creditCode: code });
  });

  it('in every person of every document and in an evidence item’s provider', () => {
    expect(InquiryContentSchema.parse({ interviewee: { idNumber: typed } }).interviewee.idNumber).toBe(valid);
    const onsite = OnsiteContentSchema.parse({
      party: { idNumber: typed },
      present: [{ id: 'p1', name: '甲', idNumber: typed }],
      witness: { idNumber: typed },
    });
    expect([onsite.party.idNumber, onsite.present[0]!.idNumber, onsite.witness.idNumber]).toEqual([
      valid,
      valid,
      valid,
    ]);
    const evidence = EvidenceContentSchema.parse({ witness: { idNumber: typed }, holder: { idNumber: typed } });
    expect([evidence.witness.idNumber, evidence.holder.idNumber]).toEqual([valid, valid]);
    expect(EvidenceMetaSchema.parse({ category: '日志', provider: { idNumber: typed } }).provider.idNumber).toBe(valid);
  });
});
