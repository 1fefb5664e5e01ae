import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, CsvSyntaxError } from '../../src/app/interactions/csv-records.ts';

/** Reads `text` in pieces cut at `cuts`, returning the records and their first lines. */
function read(text: string, cuts: number[] = []): { records: string[][]; lines: number[] } {
  const reader = new CsvRecordReader();
  const records: string[][] = [];
  const lines: number[] = [];
  const each = (record: string[], line: number) => {
    records.push(record);
    lines.push(line);
  };
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(text.slice(at, cut), each);
    at = cut;
  }
  reader.push(text.slice(at), each);
  reader.end(each);
  return { records, lines };
}

const csvParse = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true }) as string[][];

describe('the CSV reader of imports', () => {
  it('reads what csv-parse reads: quotes, doubled quotes, line breaks in values, CRLF, BOM, blank lines, ragged rows', () => {
    const samples = [
      'a,b,c\n1,2,3\n',
      'a,b,c\r\n1,2,3\r\n',
      '\ufeffa,b\n"x, y","say ""hi"""\n',
      'a,b\n"two\nlines",z\n\nlast,row,longer\n',
      'a,b\r\n"two\r\nlines",z\r\n\r\n,\r\n',
      'no,newline,at,end',
      'ends,with,comma,\n',
      '"",""\n"",x',
      'é,ü,"ö"\n',
      '"quoted at end"',
      'a,"b"\r',
      'a,b\r',
    ];
    for (const sample of samples) expect(read(sample).records, JSON.stringify(sample)).toEqual(csvParse(sample));
  });

  it('numbers records by the line they start on, across values that span lines', () => {
    expect(read('h\n"a\nb\nc"\n\nx\n').lines).toEqual([1, 2, 5, 6]);
    expect(read('h\r\n"a\r\nb"\r\nx').lines).toEqual([1, 2, 4]);
  });

  it('reads the same records however the text is cut into pieces', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'a', 'x y', 'é', '1,2', 'say "hi"', 'two\nlines', 'cr\r\nlf', ' padded '),
      fc.string({ maxLength: 6 }),
    );
    const quote = (value: string) =>
      /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (rows, eol, cuts) => {
          const text = rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
          const expected = csvParse(text);
          const { records } = read(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
          expect(records).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what csv-parse refuses: a quote inside an unquoted value, text after a closing quote, a quote never closed', () => {
    for (const bad of ['a,b"c\n', 'a,"b"c\n', 'a,"b\nc,d\n']) {
      expect(() => csvParse(bad), bad).toThrow();
      expect(() => read(bad), bad).toThrow(CsvSyntaxError);
    }
    expect(() => read('h\nx,"open\n\n')).toThrow(
      /^Quote Not Closed: the file ends inside the quoted value that starts at line 2$/,
    );
  });
});
