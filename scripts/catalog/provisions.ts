// From the matters' quoted articles to dated law: each article the lists quote becomes a provision
// with its versions (law-versions.json), articles of repealed laws leave the legal basis, and each
// penalty matter gets its penalty per period — a period ends where one of its penalty articles
// changes — read from the articles as they read in that period (penalty.ts).
import type { Matter, PenaltyPeriod, Provision } from '../../shared/catalog/catalog-schema.ts';
import { dayBefore } from '../../shared/catalog/law-in-force.ts';
import { articleKey } from './article-texts.ts';
import { provisionVersions, repealedLaw, type DatedVersion, type LawDataUse, type LawVersions } from './law-data.ts';
import type { MatterDraft } from './merge-matters.ts';
import { parsePenalty, type PenaltyArticle, type PenaltyContext } from './penalty.ts';

interface DatedProvision {
  id: string;
  law: string;
  versions: DatedVersion[];
}

/** Removes the articles of repealed laws from every draft (noting each removal). */
export function dropRepealed(
  drafts: MatterDraft[],
  law: LawVersions,
  use: LawDataUse,
  note: (m: string) => void,
): void {
  for (const d of drafts) {
    const gone = d.basis.filter((b) => repealedLaw(b.law, law, use));
    for (const b of gone) {
      const r = repealedLaw(b.law, law, use)!;
      note(
        `${d.matter.id}: ${articleKey(b)} left out of the legal basis (repealed ${r.repealedOn}, replaced by ${r.replacedBy})`,
      );
    }
    d.basis = d.basis.filter((b) => !gone.includes(b));
    d.primary = d.primary.filter((b) => !gone.includes(b));
  }
}

export function datedProvisions(drafts: MatterDraft[], law: LawVersions, use: LawDataUse): Map<string, DatedProvision> {
  const out = new Map<string, DatedProvision>();
  for (const d of drafts)
    for (const b of d.basis) {
      const id = articleKey(b);
      if (!out.has(id)) out.set(id, { id, law: b.law, versions: provisionVersions(b, law, use) });
    }
  return out;
}

const versionAt = (p: DatedProvision, date: string | null) =>
  p.versions.find(
    (v) =>
      (date === null ? v.effectiveFrom === null : v.effectiveFrom === null || v.effectiveFrom <= date) &&
      (date === null || v.effectiveTo === null || v.effectiveTo >= date),
  );

/** The penalty of a penalty matter in each period its penalty articles define, oldest first. */
export function penaltyPeriods(
  d: MatterDraft,
  provisions: ReadonlyMap<string, DatedProvision>,
  ctx: PenaltyContext,
): PenaltyPeriod[] {
  const primary = d.primary.map((b) => provisions.get(articleKey(b))!);
  const starts = [
    ...new Set(primary.flatMap((p) => p.versions.map((v) => v.effectiveFrom)).filter((s) => s !== null)),
  ].sort();
  const periods =
    starts.length === 0
      ? [{ effectiveFrom: null, effectiveTo: null }]
      : starts.map((s, i) => ({
          effectiveFrom: s,
          effectiveTo: i + 1 < starts.length ? dayBefore(starts[i + 1]!) : null,
        }));
  return periods.map((period) => {
    const articles: PenaltyArticle[] = [];
    for (const p of primary) {
      const v = versionAt(p, period.effectiveFrom);
      if (!v || articles.some((a) => a.law === p.law && a.article === v.article)) continue;
      articles.push({ law: p.law, article: v.article, text: v.text, lawVersion: v.lawVersion });
    }
    const penalty = parsePenalty(articles, ctx);
    if (!penalty)
      throw new Error(
        `${d.matter.id} (${d.matter.name}): no penalty from ${period.effectiveFrom ?? 'the start'} — none of ${articles.map((a) => a.article).join('、')} imposes one`,
      );
    return { ...period, penalty };
  });
}

/** The catalog's provisions: the dated versions without the build's bookkeeping. */
export function provisionList(provisions: ReadonlyMap<string, DatedProvision>): Provision[] {
  return [...provisions.values()].map((p) => ({
    id: p.id,
    law: p.law,
    versions: p.versions.map(({ lawVersion: _omit, ...v }) => v),
  }));
}

export function matterOf(d: MatterDraft, provisions: ReadonlyMap<string, DatedProvision>, ctx: PenaltyContext): Matter {
  const primary = new Set(d.primary.map(articleKey));
  const penalty = d.matter.type === '行政处罚';
  const m = d.matter;
  return {
    id: m.id,
    name: m.name,
    aliases: m.aliases,
    type: m.type,
    legalBasis: d.basis.map((b) => ({
      provision: articleKey(b),
      penaltyArticle: penalty && primary.has(articleKey(b)),
    })),
    penalties: penalty ? penaltyPeriods(d, provisions, ctx) : [],
    responsibilities: m.responsibilities,
    accountability: m.accountability,
    sources: m.sources,
  };
}
