// The law a 责令改正通知书 rests on, taken from the case's law (core/cases/case-law.ts: the version in
// force at the conduct date, or the one the officers chose under 行政处罚法 第三十七条) when the
// document is made, and kept in its content: article numbers, texts, version dates and source, so
// that the sealed order keeps the law as it read. The article that sets the matter's penalty is the
// one that provides 责令改正 (e.g. 网络安全法 as amended, 第六十一条: 责令改正，给予警告…拒不改正的…);
// the others state the duty breached.
import { LAW_GROUND_LABELS, periodKey, periodLabel } from '../../../catalog/law-in-force.ts';
import { TEXT_STATUS_LABELS } from '../../../catalog/catalog-schema.ts';
import type { CaseLaw } from '../../../domain/case-law.ts';
import type { RectificationContent } from './content.ts';

export type LawSnapshot = RectificationContent['law'];

/** 《A》第一条、第二条、《B》第三条 */
export function citeArticles(articles: readonly { law: string; article: string }[]): string {
  const byLaw = new Map<string, string[]>();
  for (const a of articles) byLaw.set(a.law, [...(byLaw.get(a.law) ?? []), a.article]);
  return [...byLaw].map(([law, arts]) => `${law}${arts.join('、')}`).join('、');
}

/** The articles of the version that applies to the case, or null while none applies (no conduct date, or a choice to make). */
export function lawSnapshot(law: CaseLaw): LawSnapshot | null {
  if (law.applies === null || !law.conduct) return null;
  const period = law.candidates.find((p) => periodKey(p) === law.applies);
  if (!period) return null;
  const ground =
    LAW_GROUND_LABELS[law.choice?.valid && law.choice.period === law.applies ? law.choice.ground : 'conduct-time'];
  return {
    conductDate: law.conduct.to ?? law.conduct.from,
    period: law.applies,
    periodLabel: periodLabel(period),
    ground,
    articles: period.basis.map((b) => ({
      provision: b.provision,
      law: b.law,
      article: b.article,
      text: b.text ?? '',
      effectiveFrom: b.effectiveFrom ?? '',
      effectiveTo: b.effectiveTo ?? '',
      source: b.source,
      textStatus: TEXT_STATUS_LABELS[b.textStatus],
      role: b.penaltyArticle ? 'order' : 'duty',
    })),
  };
}

/** The sentences the order seeds from its articles (editable): the duty breached, the order's basis, the consequence. */
export function lawSentences(s: LawSnapshot): Pick<RectificationContent, 'violation' | 'orderBasis' | 'consequence'> {
  const duty = citeArticles(s.articles.filter((a) => a.role === 'duty'));
  const order = citeArticles(s.articles.filter((a) => a.role === 'order'));
  return {
    violation: duty ? `你（单位）的上述行为违反了${duty}的规定。` : '',
    orderBasis: order,
    consequence: order ? `逾期不改正的，本机关将依照${order}的规定依法处理。` : '',
  };
}
