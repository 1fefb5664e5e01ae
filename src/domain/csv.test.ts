import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, guardFormula, unguardFormula } from './csv.ts';

const formulaStarts = ['=', '+', '-', '@', '\t', '\r'];

describe('guardFormula', () => {
  it.each(formulaStarts.map((c) => [JSON.stringify(c), c]))(
    'prefixes an apostrophe to text starting with %s',
    (_, c) => {
      expect(guardFormula(`${c}SUM(A1)`)).toBe(`'${c}SUM(A1)`);
      expect(guardFormula(c!)).toBe(`'${c}`);
    },
  );

  it('leaves other text alone, including those characters further in', () => {
    for (const text of ['', 'Plan =SUM(A1)', 'a-b', ' =x', '\n=x', "'", "'a", "don't", '1+1', '0', '€=x'])
      expect(guardFormula(text)).toBe(text);
  });

  it('gives text that already starts with apostrophes before a formula character one more', () => {
    expect(guardFormula("'=x")).toBe("''=x");
    expect(guardFormula("''-1")).toBe("'''-1");
  });
});

describe('unguardFormula', () => {
  it('takes off exactly the apostrophe guardFormula added', () => {
    for (const c of formulaStarts) expect(unguardFormula(`'${c}cmd|' /C calc'!A0`)).toBe(`${c}cmd|' /C calc'!A0`);
    expect(unguardFormula("''=x")).toBe("'=x");
  });

  it('leaves every other cell alone', () => {
    for (const cell of ['', "'", "'a", "'' ", "' =x", 'x', '=x', "a'=b", "'\n=x"])
      expect(unguardFormula(cell)).toBe(cell);
  });

  it('undoes guardFormula for any text', () => {
    const pieces = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', 'a', '1', '"', ',');
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')),
    );
    fc.assert(fc.property(text, (t) => unguardFormula(guardFormula(t)) === t));
  });

  it('guards whatever a spreadsheet could read as a formula', () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        const cell = guardFormula(t);
        return !formulaStarts.includes(cell[0] ?? '');
      }),
    );
  });
});

describe('formatCsv', () => {
  it('guards text cells and writes numbers, negative ones too, as they are', () => {
    const csv = formatCsv(
      [
        ['note', 'change', 'count', 'missing'],
        ['=SUM(A1)', -0.5, -3, null],
        ['-0.5', 0, 12, undefined],
        ['\tx', 1.25, 1, ''],
      ],
      { recordDelimiter: 'unix' },
    );
    expect(parse(csv)).toEqual([
      ['note', 'change', 'count', 'missing'],
      ["'=SUM(A1)", '-0.5', '-3', ''],
      ["'-0.5", '0', '12', ''],
      ["'\tx", '1.25', '1', ''],
    ]);
  });

  it('writes CRLF records and a byte-order mark when asked', () => {
    expect(formatCsv([['a'], ['+b']], { recordDelimiter: 'windows', bom: true })).toBe("\uFEFFa\r\n'+b\r\n");
  });
});
