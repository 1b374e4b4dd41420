// What the list parsers hand on: one row of an office's 权责清单, its cells still raw text.
// Interpretation (articles, penalty, items, merging) happens in the later steps.

export interface RawMatter {
  /** The seed file (name only). */
  seedFile: string;
  /** The office whose list it is, from the list's title. */
  office: string;
  /** 1-based position of the row in its list, for messages. */
  row: number;
  /** The matter's name as the list gives it. */
  name: string;
  /** The type cell as written (行政处罚, 行政检查, 其他行政权力 …); '' when the row lost that cell. */
  type: string;
  /** The 实施依据 cell. */
  basis: string;
  /** The 责任事项 cell. */
  responsibilities: string;
  /** The 追责情形 cell. */
  accountability: string;
}

/** The types the lists use, as written. */
export const LIST_TYPES = ['行政处罚', '行政检查', '行政强制', '行政许可', '行政确认', '其他行政权力', '其他'];

/** Receives remarks about irregular rows, so the build can print them. */
export type Warn = (message: string) => void;

/** The office from a list's title line: 「天水市互联网信息办权责清单」→ 天水市互联网信息办. */
export function officeFromTitle(title: string): string {
  return title.replace(/\s+/g, '').replace(/(?:部门)?(?:权责清单|责任清单|权力清单)$/, '');
}

/** The first non-empty line of a text. */
export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}

/** An article as a list (or a regulation among the seeds) quotes it: law with its 《》, 第…条, text. */
export interface QuotedArticle {
  law: string;
  article: string;
  text: string;
}
