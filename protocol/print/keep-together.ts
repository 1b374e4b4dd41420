// Typesetting profile 2: what must stay on one page. A unit is what paginate.ts places whole (a
// line of text, a table row, a signature block); some must not end a page (a heading, a table's
// header), and the closing signatures and the issuing agency take the last lines of text before
// them along, so that no page holds only signatures.

export interface Unit {
  /** Height it needs; it never splits. */
  height: number;
  draw(y: number): void;
  /** Drawn again at the top of a new page before this unit when it lands there (table headers). */
  repeatHeader?: Unit;
  /** Moves to the next page before drawing. */
  pageBreak?: boolean;
  gapBefore?: number;
  /** Profile 2: the running head of the section a page break starts, and of its later pages. */
  section?: { head: string; continued: string };
  /** Profile 2: white space only, dropped at the top of a page. */
  spacer?: boolean;
  /** Profile 2: a line of text (what `keepLines` counts). */
  textLine?: boolean;
  /** Profile 2: never the last unit on a page: it goes to the next page with the unit after it. */
  keepNext?: boolean;
  /** Profile 2: takes this many lines of text before it along to a new page. */
  keepLines?: number;
}

/** Profile 2: marks what must stay together — each unit with `keepLines` takes that many lines of text before it along. */
export function keepChains(units: Unit[]) {
  units.forEach((u, i) => {
    let lines = 0;
    for (let j = i - 1; j >= 0 && lines < (u.keepLines ?? 0) && !units[j]!.pageBreak; j--) {
      units[j]!.keepNext = true;
      if (units[j]!.textLine) lines++;
    }
  });
}

/** Profile 2: the height from unit i to the end of the units it keeps with, gaps included. */
export function chainHeight(units: Unit[], i: number): number {
  let h = (units[i]!.gapBefore ?? 0) + units[i]!.height;
  for (let j = i; units[j]!.keepNext && j + 1 < units.length && !units[j + 1]!.pageBreak; j++)
    h += (units[j + 1]!.gapBefore ?? 0) + units[j + 1]!.height;
  return h;
}
