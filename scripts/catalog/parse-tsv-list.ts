// Lists published as tab-separated rows (天水, 酒泉): a header row starting with 序号 (天水 repeats
// it before every row), then one row per matter whose cells may hold HTML paragraphs and lists.
// Some of 酒泉's rows lost a cell (the type, or the office merged into the basis); the basis is then
// found by its content, and the two cells after it are the responsibilities and accountability.
import { cleanText } from './clean-text.ts';
import { LIST_TYPES, firstLine, officeFromTitle, type RawMatter, type Warn } from './raw-matter.ts';

const LAW_ARTICLE = /《[^》]+》[\s\S]*?第[零〇一二两三四五六七八九十百千]+条/;

export function parseTsvList(text: string, seedFile: string, warn: Warn = () => {}): RawMatter[] {
  const office = officeFromTitle(firstLine(text));
  const out: RawMatter[] = [];
  let header: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells[0] === '序号') {
      header = cells.map((c) => c.replace(/\s+/g, ''));
      continue;
    }
    if (header.length === 0 || !/^\d+$/.test(cells[0] ?? '')) continue;
    const column = (name: RegExp) => header.findIndex((h) => name.test(h));
    const at = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const row = out.length + 1;
    const name = at(column(/^事项名称/));
    const basisColumn = column(/实施依据/);
    const remarks: string[] = [];
    let shift = 0; // how far the cells from the basis on sit left of their header
    if (cells.length !== header.length || !LAW_ARTICLE.test(cleanText(at(basisColumn)))) {
      const found = cells.findIndex((c, i) => i >= 2 && LAW_ARTICLE.test(cleanText(c)));
      if (found < 0) throw new Error(`${seedFile} row ${row} (${name}): no cell with a law and an article`);
      remarks.push(`${header.length - cells.length} cell(s) missing, the basis found by its content`);
      shift = found - basisColumn;
    }
    const shifted = (i: number) => (i >= 0 ? at(i + shift) : '');
    const typeCell = at(column(/类型/));
    const type = LIST_TYPES.includes(typeCell) ? typeCell : (cells.find((c) => LIST_TYPES.includes(c)) ?? '');
    if (!type) remarks.push('no type cell, the type inferred from the name');
    if (remarks.length > 0) warn(`${seedFile} row ${row} (${name}): ${remarks.join('; ')}`);
    out.push({
      seedFile,
      office,
      row,
      name,
      type,
      basis: shifted(basisColumn),
      responsibilities: shifted(column(/^责任事项/)),
      accountability: shifted(column(/^追责情形/)),
    });
  }
  return out;
}
