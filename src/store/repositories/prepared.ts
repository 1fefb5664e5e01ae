import type { Compilable, CompiledQuery, Insertable, Kysely, QueryResult, Selectable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * Queries of a fixed shape, compiled once per database. Kysely builds and compiles every query anew;
 * for the dozen statements of one logged interaction that costs about as much CPU as SQLite's own
 * work. A prepared query is built once with a stand-in for each value; each run puts the values in
 * the stand-ins' places among the compiled parameters and runs the same SQL text, which the SQLite
 * driver also keeps prepared (`cachingStatements`).
 *
 * `shape` names everything that changes the SQL text apart from the values (the table, the columns,
 * the number of rows); `build` reads each value through `value(name)`, and `values` gives them by name.
 */

type Slot = { value: string } | { constant: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
  /** For statements built from rows (`runPreparedRows`): each parameter's row and column, found once. */
  rowSlots?: ({ row: number; column: string } | { constant: unknown })[];
}

/** One cache per database: the SQL text depends on the dialect (`?` or `$1`), so templates are not shared. */
const templates = new WeakMap<object, Map<string, Template>>();

const standIn = (name: string): string => `⟦prepared value ${name}⟧`;
const standInPattern = /^⟦prepared value (.*)⟧$/s;

function compileTemplate<R>(
  db: Executor,
  shape: string,
  build: (db: Executor, value: (name: string) => unknown) => Compilable<R>,
): Template {
  const compiled = build(db, standIn).compile();
  if (compiled.sql.includes('⟦prepared value'))
    throw new Error(`prepared query "${shape}" puts a value into its SQL text instead of a parameter`);
  const slots = compiled.parameters.map((parameter): Slot => {
    const match = typeof parameter === 'string' ? standInPattern.exec(parameter) : null;
    return match ? { value: match[1]! } : { constant: parameter };
  });
  return { compiled, slots };
}

function templateOf<R>(
  db: Executor,
  shape: string,
  build: (db: Executor, value: (name: string) => unknown) => Compilable<R>,
): Template {
  const key = db.getExecutor().adapter;
  let byShape = templates.get(key);
  if (!byShape) templates.set(key, (byShape = new Map()));
  let template = byShape.get(shape);
  if (!template) byShape.set(shape, (template = compileTemplate(db, shape, build)));
  return template;
}

export function runPrepared<R>(
  db: Executor,
  shape: string,
  build: (db: Executor, value: (name: string) => unknown) => Compilable<R>,
  values: Readonly<Record<string, unknown>>,
): Promise<QueryResult<R>> {
  const template = templateOf(db, shape, build);
  const parameters = template.slots.map((slot) => {
    if ('constant' in slot) return slot.constant;
    const value = values[slot.value];
    if (value === undefined) throw new Error(`prepared query "${shape}" is missing the value "${slot.value}"`);
    return value;
  });
  return db.executeQuery<R>({ ...(template.compiled as CompiledQuery<R>), parameters });
}

/** The stand-in name of a row's column (`column.row`), and back. */
const rowValueName = (column: string, row: number): string => `${column}.${row}`;
const rowValueOf = (name: string): { row: number; column: string } => {
  const dot = name.lastIndexOf('.');
  return { column: name.slice(0, dot), row: Number(name.slice(dot + 1)) };
};

/**
 * Runs a statement built from rows that all have the same columns (`standIns` gives the rows made of
 * stand-ins for its one build). Each run takes its parameters straight from the rows, by the row and
 * column each parameter was found to stand for when the statement was first built.
 */
function runPreparedRows<R>(
  db: Executor,
  shape: string,
  rows: readonly object[],
  build: (db: Executor, standIns: (value: (name: string) => unknown) => Record<string, unknown>[]) => Compilable<R>,
): Promise<QueryResult<R>> {
  const columns = Object.keys(rows[0]!);
  const standIns = (value: (name: string) => unknown) =>
    rows.map((_, i) => Object.fromEntries(columns.map((column) => [column, value(rowValueName(column, i))])));
  const template = templateOf(db, shape, (db) => build(db, standIns));
  template.rowSlots ??= template.slots.map((slot) => ('constant' in slot ? slot : rowValueOf(slot.value)));
  const parameters = template.rowSlots.map((slot) =>
    'constant' in slot ? slot.constant : ((rows[slot.row] as Record<string, unknown>)[slot.column] ?? null),
  );
  return db.executeQuery<R>({ ...(template.compiled as CompiledQuery<R>), parameters });
}

/** A table of the schema, and the names of its columns. */
export type Table = keyof DatabaseSchema & string;
export type ColumnOf<T extends Table> = keyof Selectable<DatabaseSchema[T]> & string;

/**
 * Rows for table `T`: each a row the table accepts, with no column the table lacks. Kysely's `Insertable`
 * alone would let a misspelt optional column through when the rows are built apart from the call.
 */
export type RowsOf<T extends Table, R> = readonly (R &
  Insertable<DatabaseSchema[T]> &
  Record<Exclude<keyof R, ColumnOf<T>>, never>)[];

/**
 * The schema seen through table names given at run time: the public functions check tables and columns
 * by their type parameters, and build their SQL through this view, whose rows are of unknown values.
 */
type ByName = Kysely<Record<string, Record<string, unknown>>>;
const byName = (db: Executor): ByName => db as unknown as ByName;

/** Inserts rows that all have the same columns, as one prepared statement. */
export function insertRowsPrepared<T extends Table, R extends object>(
  db: Executor,
  table: T,
  rows: RowsOf<T, R>,
): Promise<QueryResult<unknown>> {
  return runPreparedRows(
    db,
    `insert ${table} (${Object.keys(rows[0]!).join(',')}) × ${rows.length}`,
    rows,
    (db, standIns) => byName(db).insertInto(table).values(standIns(standIn)),
  );
}

/** Rows per multi-row upsert: well inside both engines' parameter limits (8 columns × 500). */
const rowsPerStatement = 500;

/**
 * Adds rows' amounts to the stored rows with the same key, inserting the rows that are new (the rollups'
 * upsert): `keyColumns` identify a row, `amountColumns` are added; `returning` lists columns to read back
 * (of every row). Rows go `rowsPerStatement` to a statement, in the order given; no rows, no statement.
 */
export async function addToRowsPrepared<T extends Table, R extends object, C extends ColumnOf<T> = never>(
  db: Executor,
  table: T,
  rows: RowsOf<T, R>,
  keyColumns: readonly ColumnOf<T>[],
  amountColumns: readonly ColumnOf<T>[],
  returning: readonly C[] = [],
): Promise<{ rows: Pick<Selectable<DatabaseSchema[T]>, C>[] }> {
  const returned: Pick<Selectable<DatabaseSchema[T]>, C>[] = [];
  for (let at = 0; at < rows.length; at += rowsPerStatement) {
    const part = rows.length <= rowsPerStatement ? rows : rows.slice(at, at + rowsPerStatement);
    const result = await runPreparedRows<Pick<Selectable<DatabaseSchema[T]>, C>>(
      db,
      `add to ${table} (${Object.keys(part[0]!).join(',')}) × ${part.length} on (${keyColumns.join(',')}) adding (${amountColumns.join(',')}) returning (${returning.join(',')})`,
      part,
      (db, standIns) => {
        const name: string = table;
        const upsert = byName(db)
          .insertInto(name)
          .values(standIns(standIn))
          .onConflict((oc) =>
            oc
              .columns(keyColumns as readonly string[])
              .doUpdateSet((eb) =>
                Object.fromEntries(
                  amountColumns.map((c: string) => [c, eb(`${name}.${c}`, '+', eb.ref(`excluded.${c}`))]),
                ),
              ),
          );
        return returning.length > 0 ? upsert.returning(returning) : upsert;
      },
    );
    returned.push(...result.rows);
  }
  return { rows: returned };
}
