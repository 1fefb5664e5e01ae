import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { csvLine, csvOptions } from '../../src/domain/csv.ts';
import { longHeader, longRows, type TableInteraction } from '../../src/domain/support/interaction-rows.ts';
import { longCsvHeader, longCsvRecords } from '../../src/domain/support/long-csv.ts';
import { interactionModes, levels } from '../../src/domain/support/schemas.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/app/interactions/export-files.ts';

/** A destination that takes one small write at a time, slowly, and so asks the writer to wait. */
function slowSink(): { out: Writable; text: () => string; waits: () => number } {
  const chunks: Buffer[] = [];
  let waits = 0;
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  const write = out.write.bind(out);
  out.write = ((chunk: unknown, ...rest: never[]) => {
    const more = write(chunk as Buffer, ...rest);
    if (!more) waits += 1;
    return more;
  }) as typeof out.write;
  return { out, text: () => Buffer.concat(chunks).toString('utf8'), waits: () => waits };
}

async function* pagesOf(rows: string[][], pageSize: number): AsyncGenerator<string[][]> {
  for (let at = 0; at < rows.length; at += pageSize) yield rows.slice(at, at + pageSize);
}

describe('the CSV writer of exports', () => {
  it("writes exactly what csv-stringify writes with Praxis's options, BOM or not, for any cells", async () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', ',', '"', '""', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf\r\n', ' spaced ', 'é ü ö —'),
      fc.constantFrom('=SUM(A1)', '+1', '-x', '@cmd', '\t=1', '\r=1', "'=x", '=a,"b"'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (rows, pageSize, bom) => {
          const sink = slowSink();
          await writeCsv(pagesOf(rows, pageSize), sink.out, { bom });
          // A lone carriage return is quoted too (RFC 4180), which csv-stringify does only when asked.
          const options = { ...csvOptions({ bom, recordDelimiter: 'unix' }), quoted_match: /\r/ };
          expect(sink.text()).toBe(stringify(rows, options));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('waits for a slow destination instead of holding every row, and writes them all', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [String(i), `note ${i}, with a comma`, 'x'.repeat(20)]);
    const sink = slowSink();
    await writeCsv(pagesOf(rows, 1000), sink.out, { bom: false });
    expect(sink.waits()).toBeGreaterThan(5);
    const lines = sink.text().split('\n');
    expect(lines).toHaveLength(20_001);
    expect(lines[19_999]).toBe('19999,"note 19999, with a comma",xxxxxxxxxxxxxxxxxxxx');
  });

  it('destroys the destination and rejects when reading the rows fails', async () => {
    async function* failing(): AsyncGenerator<string[][]> {
      yield [['a', 'b']];
      throw new Error('the database went away');
    }
    const sink = slowSink();
    await expect(writeCsv(failing(), sink.out, { bom: false })).rejects.toThrow('the database went away');
    expect(sink.out.destroyed).toBe(true);
  });

  it('rejects when the destination fails, as a full disk would', async () => {
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, done) {
        done(new Error('ENOSPC: no space left on device'));
      },
    });
    const rows = Array.from({ length: 10_000 }, (_, i) => [String(i), 'x'.repeat(40)]);
    await expect(writeCsv(pagesOf(rows, 500), out, { bom: true })).rejects.toThrow('ENOSPC');
  });
});

describe('the long layout written straight as CSV text', () => {
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom('', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf', '=SUM(A1)', '+1', '-x', '@cmd', "'=x", 'é —'),
  );
  const interaction: fc.Arbitrary<TableInteraction> = fc.record({
    id: text,
    engagementId: text,
    date: text,
    time: fc.option(text, { nil: null }),
    durationMinutes: fc.integer({ min: 0, max: 600 }),
    mode: fc.constantFrom(...interactionModes),
    stageId: fc.option(text, { nil: null }),
    participants: fc.record({
      contactIds: fc.constant([]),
      counts: fc.dictionary(fc.constantFrom(...levels), fc.integer({ min: 1, max: 9 })),
    }),
    components: fc.array(
      fc.record({ componentId: text, minutes: fc.integer({ min: 0, max: 600 }), activityIds: fc.array(text) }),
      { maxLength: 4 },
    ),
    principles: fc.array(fc.record({ principleId: text, rating: fc.option(fc.integer({ min: 1, max: 5 })) })),
    notes: text,
  });

  it('is the text of the long rows written as CSV, for any interaction, with or without components', () => {
    fc.assert(
      fc.property(interaction, (i) => {
        expect(longCsvRecords(i)).toBe(
          longRows(i)
            .map((row) => `${csvLine(row)}\n`)
            .join(''),
        );
        expect(longCsvRecords(i)).toBe(
          stringify(longRows(i), { ...csvOptions({ recordDelimiter: 'unix' }), quoted_match: /\r/ }),
        );
      }),
      { numRuns: 500 },
    );
    expect(longCsvHeader()).toBe(`${longHeader().join(',')}\n`);
  });
});
