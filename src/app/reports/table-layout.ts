/**
 * Column widths of a printed table from its text, as a browser lays out an automatic-width table
 * (CSS 2.1, 17.5.2.2): each column needs at least its longest word (so no word or date is broken),
 * would like its longest cell on one line, and the width left over is shared out accordingly.
 */

export interface TableLayoutOptions {
  /** The table's whole width. */
  width: number;
  /** Space left and right of the text in every cell. */
  padding: number;
  /** The size text is set in when the words fit. */
  fontSize: number;
  /** The smallest size the text may shrink to so that every column's longest word fits. */
  smallestFontSize: number;
  /**
   * Words wider than this (a long link in a note) are not kept whole: they may break where a
   * column ends, rather than squeeze every other column.
   */
  longestWord: number;
}

export interface TableLayout {
  /** Each column's width, padding included; they add up to the table's width. */
  widths: number[];
  fontSize: number;
}

/**
 * `measure(text, header)` is the width of `text` set at size 1 in the font of a header cell or a body
 * cell. A word is what lies between spaces: a date such as `2021-08-10` is one word, although a line
 * may break after a hyphen, so a column at least as wide as it never breaks it.
 */
export function tableLayout(
  titles: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableLayoutOptions,
  measure: (text: string, header: boolean) => number,
): TableLayout {
  const columns = titles.length;
  // A line ending in a word keeps the space after it when another word follows: allow for it, and
  // for rounding in the text engine.
  const space = Math.max(measure(' ', true), measure(' ', false));
  const least = new Array<number>(columns).fill(0);
  const most = new Array<number>(columns).fill(0);
  const take = (text: string, column: number, header: boolean) => {
    const words = text.split(/\s+/).filter((word) => word !== '');
    for (const word of words) {
      const width = measure(word, header) + (words.length > 1 ? space : 0);
      if (width * options.fontSize <= options.longestWord) least[column] = Math.max(least[column]!, width);
    }
    most[column] = Math.max(most[column]!, measure(text, header));
  };
  titles.forEach((title, i) => take(title, i, true));
  for (const row of rows) for (let i = 0; i < columns; i += 1) take(row[i] ?? '', i, false);

  const room = options.width - 2 * options.padding * columns;
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  // Widths scale with the font size: shrink it until the longest words fit side by side.
  const slack = 1.001;
  const fontSize = Math.max(options.smallestFontSize, Math.min(options.fontSize, room / (sum(least) * slack || 1)));
  const leastAt = least.map((w) => w * fontSize * slack);
  const mostAt = most.map((w, i) => Math.max(w * fontSize * slack, leastAt[i]!));
  let text: number[];
  if (sum(mostAt) <= room) {
    // Every cell fits on one line: share the rest in proportion to what each column holds.
    const extra = room - sum(mostAt);
    const total = sum(mostAt);
    text = mostAt.map((w) => w + (total > 0 ? (extra * w) / total : extra / columns));
  } else if (sum(leastAt) <= room) {
    // Between: every column gets its longest word, and the rest goes where text would still wrap.
    const extra = room - sum(leastAt);
    const wanted = sum(mostAt) - sum(leastAt);
    text = leastAt.map((w, i) => w + (extra * (mostAt[i]! - w)) / wanted);
  } else {
    // Even the smallest text does not fit whole: columns in proportion to their longest words.
    const total = sum(leastAt);
    text = leastAt.map((w) => (total > 0 ? (room * w) / total : room / columns));
  }
  return { widths: text.map((w) => w + 2 * options.padding), fontSize };
}
