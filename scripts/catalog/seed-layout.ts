// Which of the known layouts a seed file has. The seeds are published documents converted to
// text in different ways; the generator picks the parser from the content, not the file name.
import { splitCells } from './parse-docx-list.ts';

export type SeedLayout =
  /** tab-separated rows under a 序号 header, cells possibly HTML (天水, 酒泉) */
  | 'tsv-list'
  /** a Word table exported with one tab-led line per cell (柳南) */
  | 'docx-table'
  /** a Word export with one labelled card per matter: 权力类型 / 权力项目名称 / 实施依据 … (泸县) */
  | 'docx-cards'
  /** the text of a regulation, 第一条 … (not a list; used for the articles it quotes) */
  | 'regulation';

export function detectLayout(text: string): SeedLayout | null {
  if (/^序号\t/m.test(text)) return 'tsv-list';
  if (/^ ?\t/m.test(text)) {
    const cells = new Set(splitCells(text).map((c) => c.replace(/\s+/g, '')));
    if (cells.has('权力项目名称')) return 'docx-cards';
    if (cells.has('权力分类') && cells.has('实施依据')) return 'docx-table';
  }
  if (/^\s*第一条\s/m.test(text) && /(?:规定|办法|条例|法|细则)$/.test(text.trim().split('\n')[0]!.trim()))
    return 'regulation';
  return null;
}
