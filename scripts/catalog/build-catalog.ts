// `npm run catalog [-- --seeds DIR] [-- --check]`: builds assets/catalog/catalog.json from the
// published 权责清单 (../shared/seeds). Deterministic: the same seeds give the same bytes.
// Every matter name in the seeds must be listed in matter-map.ts (hand-reviewed merges); an
// unknown name stops the build, so a new list is never merged silently.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CatalogSchema, type Catalog, type LegalBasis, type Matter } from '../../shared/catalog/catalog-schema.ts';
import { cleanText, parseLegalBasis, parsePenalty, splitItems } from './legal-text.ts';
import { CATALOG_REGULATION, CATALOG_VERSION, MATTERS, SEEDS } from './matter-map.ts';
import { readCellTable, readLabelledCards, readTsv, type RawMatter } from './seed-readers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CATALOG_FILE = join(ROOT, 'assets', 'catalog', 'catalog.json');
export const DEFAULT_SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

export function readSeeds(seedsDir: string): RawMatter[] {
  return SEEDS.flatMap((s) => {
    const text = readFileSync(join(seedsDir, s.file), 'utf8');
    if (s.layout === 'cell-table') return readCellTable(text, s.file, s.office);
    if (s.layout === 'labelled-cards') return readLabelledCards(text, s.file, s.office);
    return readTsv(text, s.file, s.office);
  });
}

/** The longest list wins: the offices word the same duties differently, so lists are not unioned. */
const fullest = (lists: string[][]) => lists.reduce((best, l) => (l.join('').length > best.join('').length ? l : best), [] as string[]);

export function buildCatalog(seedsDir: string): Catalog {
  const raw = readSeeds(seedsDir);
  const byName = new Map(MATTERS.flatMap((m) => m.seedNames.map((n) => [n, m] as const)));
  const unknown = raw.filter((r) => !byName.has(cleanText(r.name)));
  if (unknown.length > 0) {
    throw new Error(`matters not in scripts/catalog/matter-map.ts (review and add them):\n${unknown.map((u) => `  ${u.seedFile}: ${u.name}`).join('\n')}`);
  }
  const matters: Matter[] = MATTERS.map((entry) => {
    const rows = raw.filter((r) => byName.get(cleanText(r.name)) === entry);
    if (rows.length === 0) throw new Error(`matter ${entry.id} is in the map but in no seed`);
    const basis: LegalBasis[] = [];
    for (const b of rows.flatMap((r) => parseLegalBasis(r.basis))) {
      const existing = basis.find((x) => x.law === b.law && x.article === b.article);
      if (!existing) basis.push({ ...b });
      else if (b.text.length > existing.text.length) existing.text = b.text;
    }
    let penalty = entry.type === '行政处罚' ? parsePenalty(basis) : null;
    if (penalty && entry.mixedPenalties) {
      const { fineOperator: _o, fineResponsible: _r, ...rest } = penalty;
      penalty = rest;
    }
    const names = [...new Set(rows.map((r) => cleanText(r.name)))];
    return {
      id: entry.id,
      name: entry.name,
      aliases: names.filter((n) => n !== entry.name).sort(),
      type: entry.type,
      legalBasis: basis,
      penalty,
      responsibilities: fullest(rows.map((r) => splitItems(r.responsibilities))),
      accountability: fullest(rows.map((r) => splitItems(r.accountability))),
      sources: rows.map((r) => ({ office: r.office, seedFile: r.seedFile, originalName: cleanText(r.name) })),
    };
  });
  return CatalogSchema.parse({ version: CATALOG_VERSION, regulation: CATALOG_REGULATION, matters });
}

export const serialise = (c: Catalog) => `${JSON.stringify(c, null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, check: { type: 'boolean' } }, strict: true });
  const seeds = resolve(values.seeds ?? DEFAULT_SEEDS);
  if (!existsSync(seeds)) {
    console.error(`seed folder not found: ${seeds} (give it with --seeds DIR)`);
    process.exit(2);
  }
  const out = serialise(buildCatalog(seeds));
  if (values.check) {
    const same = existsSync(CATALOG_FILE) && readFileSync(CATALOG_FILE, 'utf8') === out;
    console.log(same ? 'catalog.json is up to date' : 'catalog.json differs from what the seeds give: run npm run catalog');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(CATALOG_FILE, out);
  const c = JSON.parse(out) as Catalog;
  console.log(`wrote ${CATALOG_FILE}: ${c.matters.length} matters, version ${c.version}`);
}
