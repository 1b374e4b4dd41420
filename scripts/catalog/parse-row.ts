// One list row interpreted: its name cleaned, its type (given or inferred from the name), its
// articles, the articles that identify it for merging, and its items of responsibility and
// accountability.
import type { MatterType } from '../../shared/catalog/catalog-schema.ts';
import { articleKey } from './article-texts.ts';
import { cleanName } from './clean-text.ts';
import { parseLegalBasis, type ParsedBasis } from './legal-basis.ts';
import { splitItems } from './list-items.ts';
import { imposesPenalty } from './penalty.ts';
import type { QuotedArticle, RawMatter } from './raw-matter.ts';

export interface ParsedRow {
  raw: RawMatter;
  name: string;
  /** The type the list gives, mapped onto the catalog's; null where the cell is missing. */
  declaredType: MatterType | null;
  penaltyKind: boolean;
  basis: QuotedArticle[];
  /** The article keys that identify the matter: its penalty articles, or all its articles. */
  signature: string[];
  responsibilities: string[];
  accountability: string[];
}

const TYPE_OF_CELL: Record<string, MatterType> = { 行政处罚: '行政处罚', 行政检查: '行政检查', 行政强制: '行政强制' };

export function declaredType(cell: string): MatterType | null {
  if (cell === '') return null;
  return TYPE_OF_CELL[cell] ?? '其他';
}

export function typeFromName(name: string): MatterType {
  if (/(?:处罚|处理)$/.test(name)) return '行政处罚';
  if (/检查|检测/.test(name)) return '行政检查';
  if (/强制|查封|扣押/.test(name)) return '行政强制';
  return '其他';
}

export function parseRow(raw: RawMatter): { row: ParsedRow; unarticled: ParsedBasis['unarticled'] } {
  const name = cleanName(raw.name);
  const declared = declaredType(raw.type);
  const penaltyKind = (declared ?? typeFromName(name)) === '行政处罚';
  const { basis, unarticled } = parseLegalBasis(raw.basis);
  const signature = [...new Set(basis.filter((b) => !penaltyKind || imposesPenalty(b.text)).map(articleKey))].sort();
  return {
    row: {
      raw,
      name,
      declaredType: declared,
      penaltyKind,
      basis,
      signature,
      responsibilities: splitItems(raw.responsibilities),
      accountability: splitItems(raw.accountability),
    },
    unarticled,
  };
}
