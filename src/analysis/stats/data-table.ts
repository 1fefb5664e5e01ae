import { parse } from 'csv-parse/sync';
import { AppError } from '../../domain/errors.ts';

/**
 * A CSV data file read as R's `read.csv` reads it wherever the statistics depend on it, so that
 * `praxis stats` and R give the same numbers on the same file: `NA` and empty cells are missing (and
 * `NaN` in a numeric column, which R reads as a number every test then drops); any other text in a
 * numeric column is refused, where R would turn the column into text and stop; a label column whose
 * every label is a number orders its groups numerically, any other in R's collation (`factorLevels`).
 * Unlike R, two columns of one name are refused (R renames the second `name.1`, silently).
 */
export interface DataTable {
  /** The file's name, for messages. */
  name: string;
  header: string[];
  /** Data rows (the header is not one), cells trimmed. */
  rows: string[][];
}

/** Cells R's read.csv reads as missing (`na.strings = "NA"`, and empty cells); a numeric column also drops NaN. */
export const isMissingCell = (cell: string): boolean => cell === '' || cell === 'NA';

/** Reads CSV text with a header row; refuses an empty file, a file without data rows and repeated column names. */
export function readDataTable(text: string, name: string): DataTable {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new AppError('validation_failed', `${name} is not valid CSV: ${(error as Error).message}`, [
      { path: '--data', message: 'invalid CSV' },
    ]);
  }
  const [header, ...rows] = records;
  if (!header)
    throw new AppError('validation_failed', `${name} is empty: it has no header row and no data rows`, [
      { path: '--data', message: 'no data rows' },
    ]);
  const positions = new Map<string, number[]>();
  header.forEach((column, i) => positions.set(column, [...(positions.get(column) ?? []), i + 1]));
  const repeated = [...positions].filter(([, at]) => at.length > 1);
  if (repeated.length > 0)
    throw new AppError(
      'validation_failed',
      `${name} has ${repeated.length === 1 ? 'a column name' : 'column names'} used more than once: ${repeated
        .map(([column, at]) => `${column} (columns ${at.join(', ')})`)
        .join('; ')}; rename all but one, since which one is meant cannot be told`,
      repeated.map(([column, at]) => ({ path: column, message: `appears in columns ${at.join(', ')}` })),
    );
  if (rows.length === 0)
    throw new AppError('validation_failed', `${name} has no data rows, only a header (${header.join(', ')})`, [
      { path: '--data', message: 'no data rows' },
    ]);
  return { name, header, rows };
}

function columnIndex(table: DataTable, column: string): number {
  const index = table.header.indexOf(column);
  if (index < 0)
    throw new AppError(
      'validation_failed',
      `column ${column} not found in ${table.name}; columns are: ${table.header.join(', ')}`,
      [{ path: column, message: 'no such column' }],
    );
  return index;
}

/** A cell as a number: undefined when missing, an error naming the column and row when not numeric. */
function numericCell(table: DataTable, rowIndex: number, column: string, text: string): number | undefined {
  if (isMissingCell(text) || text === 'NaN') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value))
    throw new AppError(
      'validation_failed',
      `non-numeric value in column ${column} at row ${rowIndex + 1}: ${JSON.stringify(text)}`,
      [
        {
          path: `${column}[row ${rowIndex + 1}]`,
          message: `${JSON.stringify(text)} is not a number (line ${rowIndex + 2} of ${table.name}; only NA and empty cells are missing)`,
        },
      ],
    );
  return value;
}

/** Numeric columns (and optionally a label column) over the rows where none is missing, as R's complete cases. */
export function numericColumns(
  table: DataTable,
  names: readonly string[],
  labelColumn?: string,
): { columns: number[][]; labels: string[]; dropped: number } {
  const indexes = names.map((name) => columnIndex(table, name));
  const labelIndex = labelColumn === undefined ? undefined : columnIndex(table, labelColumn);
  const columns = names.map((): number[] => []);
  const labels: string[] = [];
  let dropped = 0;
  table.rows.forEach((row, i) => {
    const values = names.map((name, k) => numericCell(table, i, name, row[indexes[k]!] ?? ''));
    const label = labelIndex === undefined ? '' : (row[labelIndex] ?? '');
    if (values.some((v) => v === undefined) || (labelIndex !== undefined && isMissingCell(label))) {
      dropped++;
      return;
    }
    values.forEach((v, k) => columns[k]!.push(v!));
    labels.push(label);
  });
  return { columns, labels, dropped };
}

// R sorts text with the locale's collation, through ICU where R has it (Debian's R does): for
// en_US.UTF-8 that is ICU's root collation, which Intl.Collator('en-US') is. Lowercase sorts before
// uppercase of the same letter, accents after the plain letter, punctuation and digits before letters.
const collator = new Intl.Collator('en-US');
const byCollation = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The groups of a label column in R's factor order: numerically when every label of the column is a
 * number (read.csv then reads the column as numbers), otherwise as R's `sort` in en_US.UTF-8
 * (`sort(c("Treatment", "control"))` is `"control" "Treatment"`). `column` holds every label of the
 * column, as R decides a column's type from all of it; the levels are those of `present`.
 */
export function factorLevels(present: readonly string[], column: readonly string[] = present): string[] {
  const distinct = [...new Set(present)];
  const numeric = column.every((label) => isMissingCell(label) || Number.isFinite(Number(label)));
  return distinct.sort(numeric ? (a, b) => Number(a) - Number(b) || byCollation(a, b) : byCollation);
}

/** A numeric column split by the groups of a label column, groups in R's factor order (`factorLevels`). */
export function groupedValues(
  table: DataTable,
  groupColumn: string,
  valueColumn: string,
): { labels: string[]; samples: number[][]; dropped: number } {
  const { columns, labels, dropped } = numericColumns(table, [valueColumn], groupColumn);
  const groupIndex = columnIndex(table, groupColumn);
  const levels = factorLevels(
    labels,
    table.rows.map((row) => row[groupIndex] ?? ''),
  );
  const position = new Map(levels.map((label, k) => [label, k]));
  const samples = levels.map((): number[] => []);
  labels.forEach((label, i) => samples[position.get(label)!]!.push(columns[0]![i]!));
  return { labels: levels, samples, dropped };
}

/** Keeps only the named groups, in the order named. */
export function selectGroups(
  grouped: { labels: string[]; samples: number[][]; dropped: number },
  wanted: readonly string[],
  column: string,
): { labels: string[]; samples: number[][]; dropped: number } {
  const samples = wanted.map((label) => {
    const k = grouped.labels.indexOf(label);
    if (k < 0)
      throw new AppError(
        'validation_failed',
        `group ${label} not found in column ${column}; groups are: ${grouped.labels.join(', ')}`,
        [{ path: column, message: `no group ${label}` }],
      );
    return grouped.samples[k]!;
  });
  return { labels: [...wanted], samples, dropped: grouped.dropped };
}

/**
 * Columns of category ratings for kappa, as R's read.csv reads them: when every present cell of
 * every named column is a number, the ratings are numbers (ordered numerically, `1.0` the same as
 * `1`); otherwise text, in R's collation. Missing cells (NA, empty) are null and stay in place.
 */
export function categoryColumns(table: DataTable, names: readonly string[]): (string | number | null)[][] {
  const indexes = names.map((name) => columnIndex(table, name));
  const cells = indexes.map((index) => table.rows.map((row) => row[index] ?? ''));
  const numeric = cells.every((column) => column.every((cell) => isMissingCell(cell) || Number.isFinite(Number(cell))));
  return cells.map((column) => column.map((cell) => (isMissingCell(cell) ? null : numeric ? Number(cell) : cell)));
}

/** A table of ratings, one row per target and one column per rater, missing cells null. */
export interface RatingMatrix {
  targets: string[];
  raters: string[];
  ratings: (number | null)[][];
  /** Rows left out because the target or rater label was missing. */
  dropped: number;
}

/**
 * Ratings in long form (one row per target, rater and rating) turned wide, as for psych::ICC:
 * targets and raters in R's factor order, a missing rating a missing cell. The same target rated
 * twice by one rater is refused, naming both rows.
 */
export function ratingMatrixFromLong(
  table: DataTable,
  targetColumn: string,
  raterColumn: string,
  ratingColumn: string,
): RatingMatrix {
  const [t, r, v] = [targetColumn, raterColumn, ratingColumn].map((name) => columnIndex(table, name)) as [
    number,
    number,
    number,
  ];
  const kept: { target: string; rater: string; value: number | undefined; row: number }[] = [];
  let dropped = 0;
  table.rows.forEach((row, i) => {
    const target = row[t] ?? '';
    const rater = row[r] ?? '';
    const value = numericCell(table, i, ratingColumn, row[v] ?? '');
    if (isMissingCell(target) || isMissingCell(rater)) {
      dropped++;
      return;
    }
    kept.push({ target, rater, value, row: i });
  });
  const targets = factorLevels(
    kept.map((k) => k.target),
    table.rows.map((row) => row[t] ?? ''),
  );
  const raters = factorLevels(
    kept.map((k) => k.rater),
    table.rows.map((row) => row[r] ?? ''),
  );
  const targetAt = new Map(targets.map((label, i) => [label, i]));
  const raterAt = new Map(raters.map((label, j) => [label, j]));
  const ratings = targets.map(() => raters.map((): number | null => null));
  const seen = new Map<string, number>();
  for (const k of kept) {
    const key = JSON.stringify([k.target, k.rater]);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new AppError(
        'validation_failed',
        `target ${k.target} is rated twice by ${k.rater}: rows ${earlier + 1} and ${k.row + 1} of ${table.name}`,
        [
          {
            path: `${ratingColumn}[row ${k.row + 1}]`,
            message: `a second rating of ${k.target} by ${k.rater} (first at row ${earlier + 1})`,
          },
        ],
      );
    seen.set(key, k.row);
    ratings[targetAt.get(k.target)!]![raterAt.get(k.rater)!] = k.value ?? null;
  }
  return { targets, raters, ratings, dropped };
}

/** Ratings in wide form: each named column a rater, each row a target; missing cells null. */
export function ratingMatrixFromWide(table: DataTable, raterColumns: readonly string[]): RatingMatrix {
  const indexes = raterColumns.map((name) => columnIndex(table, name));
  const ratings = table.rows.map((row, i) =>
    raterColumns.map((name, j) => numericCell(table, i, name, row[indexes[j]!] ?? '') ?? null),
  );
  return { targets: table.rows.map((_, i) => String(i + 1)), raters: [...raterColumns], ratings, dropped: 0 };
}
