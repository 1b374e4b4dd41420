// Lists exported from Word documents, where each table cell starts on a line that begins with a
// tab and runs until the next such line (blank lines inside a cell are paragraph breaks).
//   柳南 (docx-table): one table row per matter; a two-level header names the columns.
//   泸县 (docx-cards): one small table per matter, label cell then value cell.
import { LIST_TYPES, firstLine, officeFromTitle, type RawMatter, type Warn } from './raw-matter.ts';

/** The cells of a Word export, in document order. */
export function splitCells(text: string): string[] {
  const cells: string[] = [];
  let current: string[] | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^ ?\t/.test(line)) {
      if (current) cells.push(current.join('\n').trim());
      current = [line.replace(/^ ?\t/, '')];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) cells.push(current.join('\n').trim());
  return cells;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * 柳南: the header's second level names the columns from the matter's name on (项目名称, 子项名称,
 * 实施主体, 承办机构, 实施依据, 责任事项, 责任事项依据, 追责情形, …, 备注). A row is found by its
 * type cell followed by a name starting with 对 (the last row of the published file lost its
 * 序号 cell, so rows are not found by their number, and the third lost its 备注 cell).
 */
export function parseDocxTable(text: string, seedFile: string, warn: Warn = () => {}): RawMatter[] {
  const office = officeFromTitle(firstLine(text));
  const cells = splitCells(text);
  const nameHeader = cells.findIndex((c) => squeeze(c) === '项目名称');
  const endHeader = cells.findIndex((c, i) => i > nameHeader && squeeze(c) === '备注');
  if (nameHeader < 0 || endHeader < 0) throw new Error(`${seedFile}: no 项目名称 … 备注 header`);
  const columns = cells.slice(nameHeader, endHeader + 1).map(squeeze);
  const offset = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`${seedFile}: no ${name} column in the header`);
    return i;
  };
  const basis = offset('实施依据');
  const responsibilities = offset('责任事项');
  const accountability = offset('追责情形');
  const out: RawMatter[] = [];
  for (let i = endHeader + 1; i < cells.length - 1; i++) {
    if (!LIST_TYPES.includes(cells[i]!) || !cells[i + 1]!.startsWith('对')) continue;
    const name = cells[i + 1]!;
    const row = out.length + 1;
    if (!/^\d+$/.test(cells[i - 1] ?? '')) warn(`${seedFile} row ${row} (${squeeze(name)}): no 序号 cell`);
    const cell = (k: number) => cells[i + 1 + k] ?? '';
    out.push({
      seedFile,
      office,
      row,
      name,
      type: cells[i]!,
      basis: cell(basis),
      responsibilities: cell(responsibilities),
      accountability: cell(accountability),
    });
    // Skip the cells read; not the whole row, since a row may lack its trailing empty cells
    // (the third row of 柳南's file has no 备注 cell).
    i += 1 + Math.max(basis, responsibilities, accountability);
  }
  return out;
}

const CARD_LABELS = ['序号', '权力类型', '权力项目名称', '实施依据', '责任主体', '责任事项', '追责情形', '监督电话'];

/** 泸县: cards of label and value cells, each starting at 序号. */
export function parseDocxCards(text: string, seedFile: string): RawMatter[] {
  const office = officeFromTitle(firstLine(text));
  const cells = splitCells(text);
  const out: RawMatter[] = [];
  let card: Record<string, string> | null = null;
  const flush = () => {
    if (!card?.['权力项目名称']) return;
    out.push({
      seedFile,
      office,
      row: out.length + 1,
      name: card['权力项目名称'],
      type: card['权力类型'] ?? '',
      basis: card['实施依据'] ?? '',
      responsibilities: card['责任事项'] ?? '',
      accountability: card['追责情形'] ?? '',
    });
  };
  for (let i = 0; i < cells.length - 1; i++) {
    const label = squeeze(cells[i]!);
    if (!CARD_LABELS.includes(label)) continue;
    if (label === '序号') {
      flush();
      card = {};
    }
    if (card) card[label] = cells[i + 1]!;
    i++;
  }
  flush();
  return out;
}
