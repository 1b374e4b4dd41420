// The enforcement-matter catalog at run time: loaded once, validated, searched in memory
// (a few dozen matters; no index needed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogSchema, type Catalog, type FineRange, type Matter, type MatterSummary, type MatterType } from '../../shared/catalog/catalog-schema.ts';

export const SHIPPED_CATALOG = fileURLToPath(new URL('../../assets/catalog/catalog.json', import.meta.url));

export interface CatalogService {
  readonly version: string;
  search(q: { query?: string | undefined; type?: MatterType | undefined; limit?: number | undefined }): MatterSummary[];
  get(id: string): Matter | undefined;
  summary(m: Matter): MatterSummary;
}

/** 10000 → 1万; 5000 → 5000. */
export function formatYuan(y: number): string {
  return y >= 10_000 && y % 10_000 === 0 ? `${y / 10_000}万` : String(y);
}

function formatFine(f: FineRange): string {
  if (f.minYuan !== undefined && f.maxYuan !== undefined) return `${formatYuan(f.minYuan)}–${formatYuan(f.maxYuan)}元`;
  if (f.maxYuan !== undefined) return `${formatYuan(f.maxYuan)}元以下`;
  return /倍/.test(f.text) ? '按违法所得倍数' : '见条文';
}

export function summarise(m: Matter): MatterSummary {
  const basisShort = m.legalBasis
    .slice(0, 3)
    .map((b) => `${b.law}${b.article}`)
    .join('、') + (m.legalBasis.length > 3 ? '等' : '');
  const p = m.penalty;
  const parts: string[] = [];
  if (p) {
    if (p.warning) parts.push('警告');
    if (p.confiscateIllegalIncome) parts.push('没收违法所得');
    if (p.fineOperator) parts.push(`罚款${formatFine(p.fineOperator)}`);
    if (p.fineResponsible) parts.push(`对责任人员罚款${formatFine(p.fineResponsible)}`);
    if (parts.length === 0 && p.otherMeasures.length > 0) parts.push(p.otherMeasures.slice(0, 2).join('、'));
    if (parts.length === 0) parts.push('见条文');
  }
  return { id: m.id, name: m.name, type: m.type, aliases: m.aliases, basisShort, penaltyShort: parts.length ? parts.join('；') : '—' };
}

export function createCatalogService(catalog: Catalog): CatalogService {
  const byId = new Map(catalog.matters.map((m) => [m.id, m]));
  return {
    version: catalog.version,
    get: (id) => byId.get(id),
    summary: summarise,
    search: ({ query = '', type, limit = 200 }) => {
      const q = query.trim().toLowerCase();
      const candidates = catalog.matters.filter((m) => !type || m.type === type);
      if (!q) return candidates.slice(0, limit).map(summarise);
      // Rank: the name or another name matches first, then the law and article, then the text.
      const rank = (m: Matter): number => {
        if ([m.name, ...m.aliases].some((n) => n.toLowerCase().includes(q))) return 0;
        if (m.legalBasis.some((b) => `${b.law}${b.article}`.toLowerCase().includes(q))) return 1;
        if (m.legalBasis.some((b) => b.text.toLowerCase().includes(q)) || m.responsibilities.some((r) => r.includes(q))) return 2;
        return -1;
      };
      return candidates
        .map((m, i) => ({ m, r: rank(m), i }))
        .filter((x) => x.r >= 0)
        .sort((a, b) => a.r - b.r || a.i - b.i)
        .slice(0, limit)
        .map((x) => summarise(x.m));
    },
  };
}

export function loadCatalog(path: string = SHIPPED_CATALOG): CatalogService {
  return createCatalogService(CatalogSchema.parse(JSON.parse(readFileSync(path, 'utf8'))));
}
