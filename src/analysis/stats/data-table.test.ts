import { describe, expect, it } from 'vitest';
import reading from '../../../test/fixtures/stats/reading.json' with { type: 'json' };
import { AppError } from '../../domain/errors.ts';
import { factorLevels, groupedValues, numericColumns, readDataTable } from './data-table.ts';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('factorLevels orders groups as R does', () => {
  it("sorts text as R's sort in en_US.UTF-8: case, accents, digits and punctuation", () => {
    const shuffled = [...reading.sorted_labels].reverse();
    expect(factorLevels(shuffled)).toEqual(reading.sorted_labels);
    expect(factorLevels(['Treatment', 'control'])).toEqual(['control', 'Treatment']);
  });

  it('sorts a column of numbers numerically, and decides that from the whole column', () => {
    expect(factorLevels(['10', '9', '2'])).toEqual(['2', '9', '10']);
    expect(factorLevels(['10', '9', '2'], ['10', 'NA', '9', '', '2'])).toEqual(['2', '9', '10']);
    // One text label elsewhere in the column makes R read every label as text.
    expect(factorLevels(['10', '9', '2'], ['10', '9', '2', 'x'])).toEqual(['10', '2', '9']);
  });
});

describe('readDataTable reads a CSV as read.csv does where it matters', () => {
  it('refuses two columns of one name, naming the column and its positions', () => {
    const error = refusal(() => readDataTable('group,score,before,score\na,1,2,3\n', 'twice.csv'));
    expect(error.message).toBe(
      'twice.csv has a column name used more than once: score (columns 2, 4); rename all but one, since which one is meant cannot be told',
    );
    expect(error.details).toEqual([{ path: 'score', message: 'appears in columns 2, 4' }]);
  });

  it('says an empty file or a header-only file has no data rows', () => {
    expect(refusal(() => readDataTable('', 'empty.csv')).message).toBe(
      'empty.csv is empty: it has no header row and no data rows',
    );
    expect(refusal(() => readDataTable('group,score\r\n', 'header.csv')).message).toBe(
      'header.csv has no data rows, only a header (group, score)',
    );
  });

  it('reads NA and empty cells as missing (NaN too in a numeric column), and refuses other text', () => {
    const table = readDataTable('g,v\na,1\nNA,2\n,3\nb,NA\nb,\nb,NaN\nb,4\n', 'na.csv');
    expect(groupedValues(table, 'g', 'v')).toEqual({ labels: ['a', 'b'], samples: [[1], [4]], dropped: 5 });
    const dotted = readDataTable('v\n1\n.\n', 'dot.csv');
    expect(refusal(() => numericColumns(dotted, ['v'])).details).toEqual([
      { path: 'v[row 2]', message: '"." is not a number (line 3 of dot.csv; only NA and empty cells are missing)' },
    ]);
  });
});
