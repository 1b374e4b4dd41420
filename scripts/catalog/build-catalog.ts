// `npm run catalog [-- --seeds DIR] [-- --check]`: builds assets/catalog/catalog.json from the
// published 权责清单 in ../shared/seeds (beside the checkout).
//
//   read      each seed's layout is recognised from its content (seed-layout.ts) and parsed
//             (parse-tsv-list.ts, parse-docx-list.ts; a regulation's text by parse-regulation.ts);
//   interpret articles (legal-basis.ts), one wording per article (article-texts.ts), items
//             (list-items.ts), penalty (penalty.ts);
//   merge     rows naming the same matter (merge-matters.ts), with the hand-reviewed corrections
//             of overrides.json (overrides.ts);
//   date      every article becomes a provision with its versions — the lists quote the version of
//             their time; the reviewed law data (law-versions.json) adds when it was in force, the
//             later versions (网络安全法 as amended from 2026-01-01) and drops repealed regulations
//             (provisions.ts); each penalty is read per period, with who imposes each sanction
//             (powers.json, penalty.ts);
//   validate  with CatalogSchema, and write — deterministically: the same seeds give the same bytes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CATALOG_FORMAT, CatalogSchema, type Catalog } from '../../shared/catalog/catalog-schema.ts';
import { articleKey, chooseArticleTexts } from './article-texts.ts';
import { LawDataUse, loadLawVersions, loadPowers, type LawVersions, type Powers } from './law-data.ts';
import { buildMatter, groupRows, sortMatters } from './merge-matters.ts';
import { loadOverrides, OverrideUse, type Overrides } from './overrides.ts';
import { parseDocxCards, parseDocxTable } from './parse-docx-list.ts';
import { parseRow, type ParsedRow } from './parse-row.ts';
import { parseRegulation } from './parse-regulation.ts';
import { parseTsvList } from './parse-tsv-list.ts';
import { datedProvisions, dropRepealed, matterOf, provisionList } from './provisions.ts';
import type { QuotedArticle, RawMatter } from './raw-matter.ts';
import { detectLayout } from './seed-layout.ts';

/** Bump on every change of the data (YYYY.MM.n). */
export const CATALOG_VERSION = '2026.12.2';
/** The 法规库日期: the law as known on this day (the newest source of scripts/catalog/law-versions.json and ../shared/law). */
export const CATALOG_DATE = '2026-12-01';
export const CATALOG_REGULATION =
  '网信部门行政执法程序规定（2023年国家互联网信息办公室令第14号，自2023年6月1日起施行；条文未收录）。各地权责清单据其取代的互联网信息内容管理行政执法程序规定（2017）编制，后者不作为任何事项的法律依据。';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CATALOG_FILE = join(ROOT, 'assets', 'catalog', 'catalog.json');
export const DEFAULT_SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

export interface Seeds {
  /** The rows of every list, in file order. */
  rows: RawMatter[];
  /** Articles of the regulations published among the seeds (authoritative wording). */
  regulations: QuotedArticle[];
  /** Per seed file: its layout. */
  layouts: Record<string, string>;
}

export function readSeeds(seedsDir: string, warn: (m: string) => void = () => {}): Seeds {
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`no seed files (*.txt) in ${seedsDir}`);
  const seeds: Seeds = { rows: [], regulations: [], layouts: {} };
  for (const file of files) {
    const text = readFileSync(join(seedsDir, file), 'utf8');
    const layout = detectLayout(text);
    if (!layout) throw new Error(`${file}: layout not recognised (a new kind of list needs a parser)`);
    seeds.layouts[file] = layout;
    if (layout === 'regulation') seeds.regulations.push(...parseRegulation(text));
    else if (layout === 'tsv-list') seeds.rows.push(...parseTsvList(text, file, warn));
    else if (layout === 'docx-table') seeds.rows.push(...parseDocxTable(text, file, warn));
    else seeds.rows.push(...parseDocxCards(text, file));
  }
  return seeds;
}

export interface BuildResult {
  catalog: Catalog;
  /** What the build noticed in the seeds and worked around (printed, not part of the data). */
  notes: string[];
}

export function buildCatalog(
  seedsDir: string,
  overrides: Overrides = loadOverrides(),
  law: LawVersions = loadLawVersions(),
  powers: Powers = loadPowers(),
): BuildResult {
  const notes: string[] = [];
  const use = new OverrideUse();
  const lawUse = new LawDataUse();
  const seeds = readSeeds(seedsDir, (m) => notes.push(m));

  const rows: ParsedRow[] = seeds.rows.map((raw) => {
    const { row, unarticled } = parseRow(raw);
    for (const u of unarticled)
      notes.push(
        `${raw.seedFile} row ${raw.row} (${row.name}): ${u.law} is quoted without an article; left out of the legal basis`,
      );
    if (row.basis.length === 0)
      throw new Error(`${raw.seedFile} row ${raw.row} (${row.name}): no article found in the basis`);
    return row;
  });

  // One wording per article across the catalog, then the hand corrections.
  const wording = chooseArticleTexts(
    rows.flatMap((r) => r.basis),
    seeds.regulations,
  );
  overrides.articleTexts.forEach((fix, k) => {
    const key = articleKey(fix);
    const text = wording.get(key);
    if (text === undefined || !text.includes(fix.find))
      throw new Error(`overrides.json articleTexts[${k}]: 「${fix.find}」 not in ${key}`);
    wording.set(key, text.replace(fix.find, fix.replace));
    use.mark('articleTexts', k);
  });

  const officeOf = (raw: RawMatter) => {
    const k = overrides.offices.findIndex((o) => o.title === raw.office);
    if (k < 0) return raw.office;
    use.mark('offices', k);
    return overrides.offices[k]!.office;
  };

  const drafts = groupRows(rows, overrides, use).map((g) =>
    buildMatter(
      g.map((i) => rows[i]!),
      wording,
      officeOf,
      overrides,
      use,
    ),
  );
  const sorted = sortMatters(drafts);
  dropRepealed(sorted, law, lawUse, (m) => notes.push(m));
  const provisions = datedProvisions(sorted, law, lawUse);
  const ctx = {
    powers,
    use: lawUse,
    authorityOf: (name: string) => law.laws.find((l) => l.law === name)?.authority ?? name,
  };
  const matters = sorted.map((d) => matterOf(d, provisions, ctx));

  const seen = new Map<string, string>();
  for (const m of matters) {
    for (const n of [m.id, m.name, ...m.aliases]) {
      const other = seen.get(n);
      if (other && other !== m.id) throw new Error(`「${n}」 is used by two matters: ${other} and ${m.id}`);
      seen.set(n, m.id);
    }
  }
  const stale = use.unused(overrides);
  if (stale.length > 0)
    throw new Error(`overrides.json entries that no longer apply (remove or fix them):\n  ${stale.join('\n  ')}`);
  const staleLaw = lawUse.unused(law, powers);
  if (staleLaw.length > 0)
    throw new Error(
      `law-versions.json / powers.json entries that no longer apply (remove or fix them):\n  ${staleLaw.join('\n  ')}`,
    );

  return {
    catalog: CatalogSchema.parse({
      format: CATALOG_FORMAT,
      version: CATALOG_VERSION,
      date: CATALOG_DATE,
      regulation: CATALOG_REGULATION,
      provisions: provisionList(provisions),
      matters,
    }),
    notes,
  };
}

export const serialise = (c: Catalog) => `${JSON.stringify(c, null, 2)}\n`;

function main(): void {
  const { values } = parseArgs({
    options: { seeds: { type: 'string' }, check: { type: 'boolean' }, 'allow-id-removal': { type: 'boolean' } },
    strict: true,
  });
  const seeds = values.seeds ? resolve(values.seeds) : DEFAULT_SEEDS;
  if (!existsSync(seeds)) {
    console.error(`seed folder not found: ${seeds} (give it with --seeds DIR)`);
    process.exit(2);
  }
  const { catalog, notes } = buildCatalog(seeds);
  for (const n of notes) console.log(`note: ${n}`);
  const out = serialise(catalog);
  const previous = existsSync(CATALOG_FILE) ? readFileSync(CATALOG_FILE, 'utf8') : null;
  if (values.check) {
    const same = previous === out;
    console.log(
      same ? 'catalog.json is up to date' : 'catalog.json differs from what the seeds give: run npm run catalog',
    );
    process.exit(same ? 0 : 1);
  }
  // Cases store the matter's id: an id must never disappear silently.
  if (previous) {
    const ids = new Set(catalog.matters.map((m) => m.id));
    const gone = (JSON.parse(previous) as Catalog).matters.map((m) => m.id).filter((id) => !ids.has(id));
    if (gone.length > 0 && !values['allow-id-removal']) {
      console.error(
        `these ids would disappear (cases may refer to them): ${gone.join(', ')}\nkeep them with an id in overrides.json, or pass --allow-id-removal`,
      );
      process.exit(1);
    }
  }
  writeFileSync(CATALOG_FILE, out);
  const count = (t: string) => catalog.matters.filter((m) => m.type === t).length;
  console.log(
    `wrote ${CATALOG_FILE}: ${catalog.matters.length} matters (行政处罚 ${count('行政处罚')}, 行政检查 ${count('行政检查')}, other ${catalog.matters.length - count('行政处罚') - count('行政检查')}), version ${catalog.version}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
