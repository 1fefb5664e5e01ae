import { CompiledQuery, sql, type RawBuilder, type SqlBool } from 'kysely';
import {
  columnsOf,
  type Cell,
  type DerivedDeclaration,
  type DerivedRow,
  type EngagementDeclaration,
  type Grain,
  type OrganizationDeclaration,
} from '../../domain/support/derived/declaration.ts';
import type { Engine } from '../database.ts';
import { ofOrganization, type Executor } from '../repositories/executor.ts';
import { runShaped } from './shaped.ts';

/**
 * Reading and writing the rows of declared derived tables, generically: every statement here is made
 * from a declaration (`src/domain/support/derived`), so a new table needs no code of its own.
 */

/** Values per statement: far inside both engines' parameter limits. */
const valuesPerStatement = 5000;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < items.length; at += size) yield items.slice(at, at + size);
}

/** How a dialect writes its `n`th parameter (from 1): `?` on SQLite, `$n` on PostgreSQL; found once per database. */
const parameterStyles = new WeakMap<object, (n: number) => string>();
function parameterStyle(db: Executor): (n: number) => string {
  const adapter = db.getExecutor().adapter;
  let style = parameterStyles.get(adapter);
  if (!style) {
    const positional = sql`${1}`.compile(db).sql.startsWith('$');
    style = positional ? (n) => `$${n}` : () => '?';
    parameterStyles.set(adapter, style);
  }
  return style;
}

/** SQL texts of multi-row inserts, per dialect, table and row count: built once, so each run only binds values. */
const insertTexts = new WeakMap<object, Map<string, string>>();
function insertText(db: Executor, declaration: DerivedDeclaration, columns: readonly string[], rows: number): string {
  const adapter = db.getExecutor().adapter;
  let texts = insertTexts.get(adapter);
  if (!texts) insertTexts.set(adapter, (texts = new Map()));
  const id = `${declaration.table} ${rows}`;
  let text = texts.get(id);
  if (!text) {
    const style = parameterStyle(db);
    const width = columns.length + 1;
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++)
      tuples.push(`(${Array.from({ length: width }, (_, c) => style(r * width + c + 1)).join(', ')})`);
    const names = ['organization_id', ...columns].map((c) => `"${c}"`).join(', ');
    texts.set(id, (text = `insert into "${declaration.table}" (${names}) values ${tuples.join(', ')}`));
  }
  return text;
}

/**
 * A statement of fewer rows than the most takes a multiple of this many, and the rest (fewer than this)
 * one more: a rebuild, whose runs leave every count of rows over, then prepares a few dozen statements
 * per table instead of one per count, each holding memory while it stays prepared.
 */
const rowsStep = 32;

/**
 * Inserts rows of a declared table for one organization: many rows to a statement, whose text is made
 * once per row count and kept prepared (no query builder per statement).
 */
export async function insertRows(
  db: Executor,
  organizationId: string,
  declaration: DerivedDeclaration,
  rows: readonly DerivedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(declaration).map(([c]) => c);
  const width = columns.length + 1;
  const perStatement = Math.max(1, Math.floor(valuesPerStatement / width));
  for (let at = 0, count = 0; at < rows.length; at += count) {
    const left = rows.length - at;
    count = left >= perStatement ? perStatement : left >= rowsStep ? left - (left % rowsStep) : left;
    const parameters: Cell[] = new Array<Cell>(count * width);
    let p = 0;
    for (let r = at; r < at + count; r++) {
      const row = rows[r]!;
      parameters[p++] = organizationId;
      for (const c of columns) parameters[p++] = row[c] ?? null;
    }
    await db.executeQuery(CompiledQuery.raw(insertText(db, declaration, columns, count), parameters));
  }
}

/**
 * A run of engagements by id, for reading and writing many engagements' rows with a few range scans:
 * those after `after` (from the first when null) up to and including `upTo` (to the last when null).
 * Open ends take in rows of engagements that are no longer listed, so nothing is left out.
 */
export interface EngagementRange {
  after: string | null;
  upTo: string | null;
}

/**
 * The condition for rows of the organization within a range of engagements. Declared tables' keys
 * begin with the engagement, so the organization is kept off their organization-led indexes
 * (`ofOrganization`); a table whose index is led by the organization and then the engagement (the
 * next-step index) says `byOrganization`.
 */
export function withinRange(
  organizationId: string,
  range: EngagementRange,
  index: 'byEngagement' | 'byOrganization' = 'byEngagement',
): RawBuilder<SqlBool> {
  const column = 'engagement_id';
  const conditions = [
    index === 'byEngagement' ? ofOrganization(organizationId, []) : sql<SqlBool>`organization_id = ${organizationId}`,
  ];
  if (range.after !== null) conditions.push(sql<SqlBool>`${sql.ref(column)} > ${range.after}`);
  if (range.upTo !== null) conditions.push(sql<SqlBool>`${sql.ref(column)} <= ${range.upTo}`);
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/** Stored rows of an engagement-level table for a range of engagements, in table columns with numbers as numbers. */
export async function storedRowsWithin(
  db: Executor,
  organizationId: string,
  declaration: EngagementDeclaration,
  range: EngagementRange,
): Promise<DerivedRow[]> {
  const columns = columnsOf(declaration);
  const { rows } = await sql<Record<string, Cell>>`select ${sql.join(columns.map(([c]) => sql.ref(c)))}
    from ${sql.table(declaration.table)} where ${withinRange(organizationId, range)}`.execute(db);
  const numeric = columns.filter(([, type]) => type !== 'text').map(([c]) => c);
  for (const row of rows) for (const c of numeric) if (row[c] !== null) row[c] = Number(row[c]);
  return rows;
}

/** Rows per keyed delete: well inside both engines' parameter limits for any declared key. */
const rowsPerDelete = 500;

/** Deletes rows of a declared table by their keys (the key columns of each row given). */
export async function deleteRowsByKey(
  db: Executor,
  organizationId: string,
  declaration: DerivedDeclaration,
  rows: readonly DerivedRow[],
): Promise<void> {
  const key = Object.keys(declaration.key);
  for (let at = 0; at < rows.length; at += rowsPerDelete) {
    const some = rows.slice(at, at + rowsPerDelete);
    const tuples = some.map((row) => sql`(${sql.join(key.map((k) => row[k] ?? null))})`);
    await sql`delete from ${sql.table(declaration.table)}
      where organization_id = ${organizationId}
        and (${sql.join(key.map((k) => sql.ref(k)))}) in (${sql.join(tuples)})`.execute(db);
  }
}

/** Deletes the rows of an engagement-level table for a range of engagements. */
export async function deleteRowsWithin(
  db: Executor,
  organizationId: string,
  declaration: EngagementDeclaration,
  range: EngagementRange,
): Promise<void> {
  await sql`delete from ${sql.table(declaration.table)} where ${withinRange(organizationId, range)}`.execute(db);
}

/**
 * Deletes one engagement's rows of an engagement-level table: all of them, or those of some months of
 * its grain.
 */
export async function deleteEngagementRows(
  db: Executor,
  organizationId: string,
  declaration: EngagementDeclaration,
  engagementId: string,
  months: readonly Cell[] | null,
): Promise<void> {
  if (months !== null && months.length === 0) return;
  for (const some of months === null ? [null] : chunks(months, valuesPerStatement)) {
    await runShaped(
      db,
      `delete ${declaration.table} ${some === null ? 'all' : some.length}`,
      () => sql`delete from ${sql.table(declaration.table)}
      where engagement_id = ${engagementId} and ${ofOrganization(organizationId, [engagementId])}
      ${some === null ? sql`` : sql`and ${sql.ref(declaration.grain)} in (${sql.join(some)})`}`,
      [engagementId, organizationId, ...(some ?? [])],
    );
  }
}

/** The distinct months (of `grain`) in which an engagement has rows of a table. */
export async function monthsWithRows(
  db: Executor,
  organizationId: string,
  declaration: EngagementDeclaration,
  engagementId: string,
  grain: Grain,
): Promise<Cell[]> {
  const { rows } = await sql<Record<string, Cell>>`select distinct ${sql.ref(grain)} as month
    from ${sql.table(declaration.table)}
    where engagement_id = ${engagementId} and ${ofOrganization(organizationId, [engagementId])}`.execute(db);
  return rows.map((r) => (grain === 'relationship_month' ? Number(r.month) : r.month!));
}

/** PostgreSQL: one transaction at a time recomputes a month of an organization-level table (held to the commit). */
async function lockMonths(
  db: Executor,
  engine: Engine,
  organizationId: string,
  grain: Grain,
  months: readonly Cell[],
): Promise<void> {
  if (engine !== 'postgres') return;
  for (const month of [...months].map(String).sort()) {
    const key = `derived ${organizationId} ${grain} ${month}`;
    await runShaped(db, 'lock month', () => sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`, [key]);
  }
}

/**
 * Recomputes an organization-level table's rows from its engagement-level table, in the database: all
 * of them (`months` null) or those of some months of its grain. On PostgreSQL the months are locked
 * first, so two writers never sum the same month from different snapshots; each sums what the other
 * committed (READ COMMITTED reads afresh per statement).
 */
export async function refreshOrganizationRows(
  db: Executor,
  engine: Engine,
  organizationId: string,
  declaration: OrganizationDeclaration,
  months: readonly Cell[] | null,
): Promise<void> {
  if (months !== null && months.length === 0) return;
  const key = Object.keys(declaration.key).map((k) => sql.ref(k));
  const targets = [
    sql.ref('organization_id'),
    ...key,
    ...declaration.sums.map((s) => sql.ref(s)),
    ...(declaration.engagementCount ? [sql.ref(declaration.engagementCount)] : []),
  ];
  const selected = [
    sql.ref('organization_id'),
    ...key,
    ...declaration.sums.map((s) => sql`sum(${sql.ref(s)})`),
    ...(declaration.engagementCount ? [sql`count(distinct engagement_id)`] : []),
  ];
  for (const some of months === null ? [null] : chunks(months, valuesPerStatement)) {
    if (some !== null) await lockMonths(db, engine, organizationId, declaration.grain, some);
    const among = some === null ? sql`` : sql`and ${sql.ref(declaration.grain)} in (${sql.join(some)})`;
    const shape = `${declaration.table} ${some === null ? 'all' : some.length}`;
    const parameters = [organizationId, ...(some ?? [])];
    await runShaped(
      db,
      `delete ${shape}`,
      () => sql`delete from ${sql.table(declaration.table)} where organization_id = ${organizationId} ${among}`,
      parameters,
    );
    await runShaped(
      db,
      `sum ${shape}`,
      () => sql`insert into ${sql.table(declaration.table)} (${sql.join(targets)})
      select ${sql.join(selected)} from ${sql.table(declaration.from.table)}
      where organization_id = ${organizationId} ${among}
      group by ${sql.join([sql.ref('organization_id'), ...key])}`,
      parameters,
    );
  }
}

/** Stored rows of a declared table, in table columns with numbers as numbers: one engagement's, or the organization's. */
export async function storedRows(
  db: Executor,
  organizationId: string,
  declaration: DerivedDeclaration,
  engagementId?: string,
): Promise<DerivedRow[]> {
  const columns = columnsOf(declaration);
  const { rows } = await sql<Record<string, Cell>>`select ${sql.join(columns.map(([c]) => sql.ref(c)))}
    from ${sql.table(declaration.table)}
    where ${
      engagementId === undefined
        ? sql`organization_id = ${organizationId}`
        : sql`engagement_id = ${engagementId} and ${ofOrganization(organizationId, [engagementId])}`
    }`.execute(db);
  return rows.map((r) => {
    const row: DerivedRow = {};
    for (const [c, type] of columns) row[c] = type === 'text' || r[c] === null ? r[c]! : Number(r[c]);
    return row;
  });
}

/** The engagements that have rows of an engagement-level table. */
export async function engagementsWithRows(
  db: Executor,
  organizationId: string,
  declaration: EngagementDeclaration,
): Promise<string[]> {
  const { rows } = await sql<{ engagement_id: string }>`select distinct engagement_id
    from ${sql.table(declaration.table)} where organization_id = ${organizationId}`.execute(db);
  return rows.map((r) => r.engagement_id);
}
