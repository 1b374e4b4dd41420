// Readers for the three layouts the published 权责清单 come in. Each returns the raw rows:
// the matter's name and type as that office wrote them, and the raw text of its basis,
// responsibilities and accountability cells. Interpretation happens elsewhere (legal-text.ts).

export interface RawMatter {
  seedFile: string;
  office: string;
  name: string;
  type: string;
  basis: string;
  responsibilities: string;
  accountability: string;
}

const TYPES = ['行政处罚', '行政检查', '行政强制', '其他行政权力', '其他'];

/**
 * Word exports (柳南, 泸县): a cell starts on a line that begins with a tab and runs until the
 * next such line; blank lines inside a cell are paragraph breaks.
 */
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

/**
 * 柳南区: a 13-column table — 序号, 权力分类, 项目名称, 子项名称, 实施主体, 承办机构, 实施依据, 责任事项,
 * 责任事项依据, 追责情形, 追责依据, 免责事项, 备注. Rows are found by their type cell followed by a
 * name starting with 对 (the last row of the published file has lost its 序号 cell).
 */
export function readCellTable(text: string, seedFile: string, office: string): RawMatter[] {
  const cells = splitCells(text);
  const out: RawMatter[] = [];
  for (let i = 0; i + 9 < cells.length; i++) {
    if (!TYPES.includes(cells[i]!) || !cells[i + 1]!.startsWith('对')) continue;
    const row = cells.slice(i, i + 11); // 权力分类 … 免责事项
    out.push({ seedFile, office, type: row[0]!, name: row[1]!, basis: row[5]!, responsibilities: row[6]!, accountability: row[8]! });
    i += 10;
  }
  return out;
}

/** 泸县: one card per matter, label cell followed by its value cell. */
export function readLabelledCards(text: string, seedFile: string, office: string): RawMatter[] {
  const cells = splitCells(text);
  const out: RawMatter[] = [];
  let card: Record<string, string> | null = null;
  const flush = () => {
    if (card?.['权力项目名称']) {
      out.push({
        seedFile,
        office,
        type: card['权力类型'] ?? '',
        name: card['权力项目名称'],
        basis: card['实施依据'] ?? '',
        responsibilities: card['责任事项'] ?? '',
        accountability: card['追责情形'] ?? '',
      });
    }
  };
  const LABELS = ['序号', '权力类型', '权力项目名称', '实施依据', '责任主体', '责任事项', '追责情形', '监督电话'];
  for (let i = 0; i < cells.length - 1; i++) {
    const label = cells[i]!;
    if (!LABELS.includes(label)) continue;
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

/** 天水, 酒泉: tab-separated rows under a header row (repeated before each row in 天水's file). */
export function readTsv(text: string, seedFile: string, office: string): RawMatter[] {
  const out: RawMatter[] = [];
  let header: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const cols = line.split('\t');
    if (cols[0] === '序号') {
      header = cols.map((c) => c.trim());
      continue;
    }
    if (!/^\d+$/.test(cols[0]?.trim() ?? '') || header.length === 0) continue;
    const at = (name: RegExp) => {
      const i = header.findIndex((h) => name.test(h));
      return i >= 0 ? (cols[i] ?? '').trim() : '';
    };
    // Some of 酒泉's rows lack a column; the last three are always basis, responsibilities,
    // accountability, and the type is whichever cell names one.
    const short = cols.length < header.length;
    const last = (k: number) => (cols[cols.length - k] ?? '').trim();
    out.push({
      seedFile,
      office,
      name: at(/^事项名称/),
      type: cols.map((c) => c.trim()).find((c) => TYPES.includes(c)) ?? '',
      basis: short ? last(3) : at(/实施依据/),
      responsibilities: short ? last(2) : at(/责任事项/),
      accountability: short ? last(1) : at(/追责情形/),
    });
  }
  return out;
}
