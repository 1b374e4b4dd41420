// Merges the rows of the four lists into matters. Two rows are one matter when they are of the
// same kind (penalty / not) and
//   - their names agree once the wording the offices vary is set aside (对…的处罚 / 的行政处罚 /
//     的处理, 或者 / 或, a doubled 的), or
//   - they rest on exactly the same articles (for penalties: the articles that impose a penalty),
// or when overrides.json merges them. Each matter then takes its preferred name (most used; the
// plain 「…的处罚」 form; the fuller one), its type, the union of the articles quoted (one wording per
// article, see article-texts.ts), its penalty articles, the fullest list of responsibilities and
// accountability, and every row as a source. Its penalty per period is read later, from the
// versions of its penalty articles (build-catalog.ts, penalty.ts).
import { MATTER_TYPES, type Matter, type MatterType } from '../../shared/catalog/catalog-schema.ts';
import { articleKey } from './article-texts.ts';
import { articleNumber, autoId, lawRank } from './matter-ids.ts';
import type { OverrideUse, Overrides } from './overrides.ts';
import { typeFromName, type ParsedRow } from './parse-row.ts';
import { imposesPenalty } from './penalty.ts';
import type { QuotedArticle, RawMatter } from './raw-matter.ts';

/** The name with the wording the offices vary set aside. */
export function nameKey(name: string): string {
  return name
    .replace(/的的/g, '的')
    .replace(/^对/, '')
    .replace(/(?:的)?(?:行政)?(?:处罚|处理)$/, '')
    .replace(/或者/g, '或')
    .replace(/[，、,;；\s]/g, '');
}

/** Groups rows into matters (indices into rows), in order of each group's first row. */
export function groupRows(rows: ParsedRow[], overrides: Overrides, use: OverrideUse): number[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)].sort((p, q) => p - q);
    parent[y!] = x!;
  };
  const byKey = new Map<string, number>();
  rows.forEach((r, i) => {
    const keys = [`name:${r.penaltyKind}:${nameKey(r.name)}`];
    if (r.signature.length > 0) keys.push(`basis:${r.penaltyKind}:${r.signature.join('|')}`);
    for (const k of keys) {
      const seen = byKey.get(k);
      if (seen === undefined) byKey.set(k, i);
      else union(seen, i);
    }
  });
  overrides.merges.forEach((m, k) => {
    const hits = m.names.map((n) => {
      const i = rows.findIndex((r) => r.name === n);
      if (i < 0) throw new Error(`overrides.json merges[${k}]: no list names a matter 「${n}」`);
      return i;
    });
    for (const i of hits.slice(1)) union(hits[0]!, i);
    use.mark('merges', k);
  });
  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()];
}

const byCount = <T>(items: T[]) => {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
};
const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most used; then the plain 「…的处罚」 form over 「…的行政处罚」/「…的处理」; then the fuller; then code order. */
export function preferredName(names: string[]): string {
  const counts = byCount(names);
  const plain = (n: string) => (/[^政]的处罚$|检查$|检测$/.test(n) ? 0 : 1);
  return [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || plain(a) - plain(b) || b.length - a.length || codeOrder(a, b),
  )[0]!;
}

function mergedType(rows: ParsedRow[], name: string): MatterType {
  const declared = rows.map((r) => r.declaredType).filter((t): t is MatterType => t !== null && t !== '其他');
  if (declared.length === 0) return typeFromName(name);
  const counts = byCount(declared);
  return [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || MATTER_TYPES.indexOf(a) - MATTER_TYPES.indexOf(b),
  )[0]!;
}

/** The signature most rows share (the fewer articles, then code order, on a tie). */
function primarySignature(rows: ParsedRow[]): string[] {
  const sigs = rows.map((r) => r.signature).filter((s) => s.length > 0);
  const counts = byCount(sigs.map((s) => s.join('|')));
  const best = [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || a.split('|').length - b.split('|').length || codeOrder(a, b),
  )[0];
  return best ? best.split('|') : [];
}

const itemsLength = (items: string[]) => items.reduce((n, s) => n + s.length, 0);
const fullest = (lists: string[][]) =>
  lists.reduce((best, l) => (itemsLength(l) > itemsLength(best) ? l : best), [] as string[]);

export interface MatterDraft {
  matter: Omit<Matter, 'legalBasis' | 'penalties'>;
  /** Every article the lists quote for it, in one wording each. */
  basis: QuotedArticle[];
  /** The articles that identify it: for penalties, the ones that set the penalty. */
  primary: QuotedArticle[];
}

export function buildMatter(
  rows: ParsedRow[],
  wording: Map<string, string>,
  officeOf: (raw: RawMatter) => string,
  overrides: Overrides,
  use: OverrideUse,
): MatterDraft {
  const names = rows.map((r) => r.name);
  const k = overrides.matters.findIndex((o) => names.includes(o.match));
  const o = k >= 0 ? overrides.matters[k] : undefined;
  if (o) use.mark('matters', k);
  const name = o?.name ?? preferredName(names);
  const type = o?.type ?? mergedType(rows, name);

  const basis: QuotedArticle[] = [];
  for (const b of rows.flatMap((r) => r.basis)) {
    if (basis.some((x) => articleKey(x) === articleKey(b))) continue;
    basis.push({ law: b.law, article: b.article, text: wording.get(articleKey(b)) ?? b.text });
  }
  const signature = primarySignature(rows);
  const primary = basis.filter((b) => signature.includes(articleKey(b)));
  if (type === '行政处罚' && !primary.some((b) => imposesPenalty(b.text)))
    throw new Error(`「${name}」 is a penalty but none of its articles imposes one`);

  const id = o?.id ?? (type === '行政处罚' ? autoId(primary) : null);
  if (!id)
    throw new Error(
      `「${name}」 (${type}) needs an id: add {"match": "${name}", "id": "…", "why": "…"} to overrides.json matters`,
    );

  const aliases = [...new Set(names)].filter((n) => n !== name).sort(codeOrder);
  return {
    matter: {
      id,
      name,
      aliases,
      type,
      responsibilities: fullest(rows.map((r) => r.responsibilities)),
      accountability: fullest(rows.map((r) => r.accountability)),
      sources: rows.map((r) => ({ office: officeOf(r.raw), seedFile: r.raw.seedFile, originalName: r.name })),
    },
    basis,
    primary,
  };
}

/** Catalog order: by type; single-article matters before catch-all ones; by law, then article. */
export function sortMatters(drafts: MatterDraft[]): MatterDraft[] {
  const key = (d: MatterDraft) => {
    const first = d.primary[0];
    return [
      MATTER_TYPES.indexOf(d.matter.type),
      d.primary.length > 1 ? 1 : 0,
      first ? lawRank(first.law) : 99,
      first ? articleNumber(first.article) || 0 : 0,
    ] as const;
  };
  return [...drafts].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return codeOrder(a.matter.id, b.matter.id);
  });
}
