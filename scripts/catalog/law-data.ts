// The reviewed law data (law-versions.json, powers.json): which versions of each law the catalog
// knows and when each was in force, the laws that are repealed, the later versions of the articles
// the lists quote, texts that replace an abridged quotation, and who imposes which sanction. Like
// overrides.json, every entry says why and every entry must still apply: a stale one stops the build.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IsoDateSchema, ROUTES, TextStatusSchema, type ProvisionVersion } from '../../shared/catalog/catalog-schema.ts';
import { articleKey } from './article-texts.ts';
import type { QuotedArticle } from './raw-matter.ts';

const why = z.string().min(4, { message: 'every entry says why' });

const LawVersionSchema = z
  .object({
    id: z.string().min(1),
    effectiveFrom: IsoDateSchema.nullable(),
    effectiveTo: IsoDateSchema.nullable(),
    madeBy: z.string().min(1),
    source: z.string().min(1),
    /** Where the dates come from. */
    dates: z.string().min(4),
  })
  .strict();

export const LawVersionsSchema = z
  .object({
    $comment: z.string().optional(),
    laws: z.array(
      z
        .object({
          law: z.string().min(1),
          /** Who imposes the sanctions this law gives the 网信部门 (powers.json names the exceptions). */
          authority: z.string().min(1),
          /** Oldest first, consecutive. */
          versions: z.array(LawVersionSchema).min(1),
        })
        .strict(),
    ),
    repealed: z.array(
      z.object({ law: z.string().min(1), repealedOn: IsoDateSchema, replacedBy: z.string().min(1), why }).strict(),
    ),
    amendments: z.array(
      z
        .object({
          law: z.string().min(1),
          /** The law version (laws[].versions[].id) these articles belong to. */
          version: z.string().min(1),
          source: z.string().min(1),
          articles: z.array(
            z
              .object({
                /** The article as the lists quote it (the earlier version's number). */
                from: z.string().min(1),
                /** Its number in this version. */
                article: z.string().min(1),
                text: z.string().min(1).nullable(),
                textStatus: TextStatusSchema,
                /** How the old → new number is known. */
                concordance: z.string().min(4),
                note: z.string(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    /** Texts of a version that replace the lists' quotation (abridged, elided, or to mark it checked). */
    texts: z.array(
      z
        .object({
          law: z.string().min(1),
          version: z.string().min(1),
          article: z.string().min(1),
          text: z.string().min(1),
          textStatus: TextStatusSchema,
          source: z.string().min(1),
          why,
        })
        .strict(),
    ),
  })
  .strict();
export type LawVersions = z.infer<typeof LawVersionsSchema>;

const MeasureEntrySchema = z
  .object({
    name: z.string().min(1),
    authority: z.string().min(1),
    route: z.enum(ROUTES),
    note: z.string(),
  })
  .strict();

export const PowersSchema = z
  .object({
    $comment: z.string().optional(),
    articles: z.array(
      z
        .object({
          law: z.string().min(1),
          in: z.string().min(1).optional(),
          article: z.string().min(1),
          measures: z.array(MeasureEntrySchema).min(1),
          why,
        })
        .strict(),
    ),
    authorities: z.array(
      z.object({ law: z.string().min(1), article: z.string().min(1), authority: z.string().min(1), why }).strict(),
    ),
    measures: z.array(MeasureEntrySchema.extend({ why }).strict()),
  })
  .strict();
export type Powers = z.infer<typeof PowersSchema>;
export type MeasureEntry = z.infer<typeof MeasureEntrySchema>;

export const LAW_VERSIONS_FILE = new URL('./law-versions.json', import.meta.url);
export const POWERS_FILE = new URL('./powers.json', import.meta.url);

export function loadLawVersions(file: URL | string = LAW_VERSIONS_FILE): LawVersions {
  const data = LawVersionsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const l of data.laws)
    for (let i = 1; i < l.versions.length; i++) {
      const [a, b] = [l.versions[i - 1]!, l.versions[i]!];
      if (!a.effectiveTo || !b.effectiveFrom || a.effectiveTo >= b.effectiveFrom)
        throw new Error(`law-versions.json ${l.law}: versions ${a.id} and ${b.id} are not consecutive`);
    }
  return data;
}

export function loadPowers(file: URL | string = POWERS_FILE): Powers {
  return PowersSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A provision's version with the law version it belongs to (for powers.json's `in`). */
export interface DatedVersion extends ProvisionVersion {
  lawVersion: string;
}

/** Remembers which entries were used, so that stale ones stop the build. */
export class LawDataUse {
  private readonly used = new Set<string>();
  mark(key: string): void {
    this.used.add(key);
  }
  unused(law: LawVersions, powers: Powers): string[] {
    const keys = [
      ...law.laws.map((l) => `law:${l.law}`),
      ...law.repealed.map((r) => `repealed:${r.law}`),
      ...law.amendments.flatMap((a) => a.articles.map((x) => `amendment:${a.law}${a.version}${x.from}`)),
      ...law.texts.map((t) => `text:${t.law}${t.version}${t.article}`),
      ...powers.articles.map((p) => `power:${p.law}${p.in ?? ''}${p.article}`),
      ...powers.authorities.map((a) => `authority:${a.law}${a.article}`),
      ...powers.measures.map((m) => `measure:${m.name}`),
    ];
    return keys.filter((k) => !this.used.has(k));
  }
}

/**
 * Every version of a provision the lists quote: the quotation (or the reviewed text that replaces
 * it) for the first version of its law, then the amended versions. A law the data does not know
 * stops the build: its dates must be reviewed, not assumed.
 */
export function provisionVersions(q: QuotedArticle, data: LawVersions, use: LawDataUse): DatedVersion[] {
  const law = data.laws.find((l) => l.law === q.law);
  if (!law)
    throw new Error(`law-versions.json has no entry for ${q.law} (cited as ${articleKey(q)}): add its versions`);
  use.mark(`law:${q.law}`);
  const [first, ...later] = law.versions;
  const replaced = data.texts.find((t) => t.law === q.law && t.version === first!.id && t.article === q.article);
  if (replaced) use.mark(`text:${q.law}${first!.id}${q.article}`);
  const elided = /……|\.\.\./.test(q.text);
  const out: DatedVersion[] = [
    {
      lawVersion: first!.id,
      article: q.article,
      text: replaced?.text ?? q.text,
      effectiveFrom: first!.effectiveFrom,
      effectiveTo: first!.effectiveTo,
      madeBy: first!.madeBy,
      source: replaced?.source ?? first!.source,
      textStatus: replaced?.textStatus ?? (elided ? 'partial' : 'quoted'),
      note: replaced ? replaced.why : elided ? '清单的引文有省略（……），全文未能取得。' : '',
    },
  ];
  for (const v of later) {
    const set = data.amendments.find((a) => a.law === q.law && a.version === v.id);
    const a = set?.articles.find((x) => x.from === q.article);
    if (!set || !a)
      throw new Error(
        `law-versions.json: ${q.law} version ${v.id} has no entry for ${q.article} (what it became must be reviewed)`,
      );
    use.mark(`amendment:${q.law}${v.id}${q.article}`);
    out.push({
      lawVersion: v.id,
      article: a.article,
      text: a.text,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      madeBy: v.madeBy,
      source: set.source,
      textStatus: a.textStatus,
      note: [a.note, `条号：${a.concordance}。`, `施行日期：${v.dates}`].filter(Boolean).join(''),
    });
  }
  return out;
}

/** The repealed law a quotation belongs to, if any. */
export function repealedLaw(law: string, data: LawVersions, use: LawDataUse): LawVersions['repealed'][number] | null {
  const r = data.repealed.find((x) => x.law === law) ?? null;
  if (r) use.mark(`repealed:${law}`);
  return r;
}
