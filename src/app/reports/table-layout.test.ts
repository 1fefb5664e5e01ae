import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableLayout, type TableLayoutOptions } from './table-layout.ts';

// A monospaced stand-in for a font: every character half an em wide, bold a tenth wider.
const measure = (text: string, header: boolean): number => text.length * 0.5 * (header ? 1.1 : 1);
const options: TableLayoutOptions = { width: 500, padding: 3, fontSize: 10, smallestFontSize: 6, longestWord: 160 };
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
/** The room a column gives its text at the layout's size, in characters of the stand-in font. */
const room = (width: number, fontSize: number) => (width - 2 * options.padding) / (0.5 * fontSize);

describe('tableLayout', () => {
  it('gives a narrow column with long text no less than its longest word, and fills the width', () => {
    const titles = ['Date', 'Mode', 'Minutes', 'Notes'];
    const notes = 'A long note about the meeting that goes on and on, '.repeat(6);
    const { widths, fontSize } = tableLayout(titles, [['2021-08-10', 'video', '45', notes]], options, measure);
    expect(fontSize).toBe(10);
    expect(sum(widths)).toBeCloseTo(500, 6);
    expect(room(widths[0]!, fontSize)).toBeGreaterThanOrEqual('2021-08-10'.length);
    expect(room(widths[2]!, fontSize)).toBeGreaterThanOrEqual('Minutes'.length * 1.1);
    // The notes take what the short columns do not need.
    expect(widths[3]!).toBeGreaterThan(300);
  });

  it('shares the rest in proportion to the text when every cell fits on one line', () => {
    const { widths } = tableLayout(['A', 'BB'], [['aaaa', 'bbbbbbbb']], options, measure);
    expect(widths[1]! - 6).toBeCloseTo(2 * (widths[0]! - 6), 6);
  });

  it('shrinks the text when the longest words do not fit side by side, down to the smallest size', () => {
    const titles = Array.from({ length: 8 }, (_, i) => `Engagements-${i}`);
    const fitted = tableLayout(titles, [], options, measure);
    expect(fitted.fontSize).toBeLessThan(10);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(6);
    fitted.widths.forEach((w) => expect(room(w, fitted.fontSize)).toBeGreaterThanOrEqual(titles[0]!.length * 1.1));
    const crowded = tableLayout(
      Array.from({ length: 20 }, (_, i) => `Engagement-months-${i}`),
      [],
      options,
      measure,
    );
    expect(crowded.fontSize).toBe(6);
    expect(sum(crowded.widths)).toBeCloseTo(500, 6);
  });

  it('lets a word wider than the longest kept whole (a link) break instead of squeezing the rest', () => {
    const link = `https://example.org/${'x'.repeat(200)}`;
    const { widths, fontSize } = tableLayout(['Date', 'Notes'], [['2021-08-10', link]], options, measure);
    expect(fontSize).toBe(10);
    expect(room(widths[0]!, fontSize)).toBeGreaterThanOrEqual('2021-08-10'.length);
  });

  it('always fills the width and keeps every kept word whole when the words fit at the smallest size', () => {
    const word = fc.stringMatching(/^[a-z0-9-]{1,14}$/);
    const cell = fc.array(word, { minLength: 0, maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((columns) =>
            fc.tuple(
              fc.array(cell, { minLength: columns, maxLength: columns }),
              fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
            ),
          ),
        ([titles, rows]) => {
          const { widths, fontSize } = tableLayout(titles, rows, options, measure);
          expect(sum(widths)).toBeCloseTo(500, 6);
          const wordsOf = (text: string) => text.split(' ').filter(Boolean);
          titles.forEach((title, i) => {
            for (const w of wordsOf(title)) expect(room(widths[i]!, fontSize)).toBeGreaterThanOrEqual(w.length * 1.1);
            for (const w of rows.flatMap((r) => wordsOf(r[i]!)))
              expect(room(widths[i]!, fontSize)).toBeGreaterThanOrEqual(w.length);
          });
        },
      ),
    );
  });
});
