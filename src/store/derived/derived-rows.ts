import { sql } from 'kysely';
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

/** Inserts rows of a declared table for one organization. */
export async function insertRows(
  db: Executor,
  organizationId: string,
  declaration: DerivedDeclaration,
  rows: readonly DerivedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(declaration).map(([c]) => c);
  for (const chunk of chunks(rows, Math.max(1, Math.floor(valuesPerStatement / (columns.length + 1))))) {
    const parameters: Cell[] = [];
    for (const row of chunk) {
      parameters.push(organizationId);
      for (const c of columns) parameters.push(row[c] ?? null);
    }
    await runShaped(
      db,
      `insert ${declaration.table} ${chunk.length}`,
      () => {
        const values = chunk.map((row) => sql`(${sql.join([organizationId, ...columns.map((c) => row[c] ?? null)])})`);
        return sql`insert into ${sql.table(declaration.table)} (${sql.join(
          ['organization_id', ...columns].map((c) => sql.ref(c)),
        )}) values ${sql.join(values)}`;
      },
      parameters,
    );
  }
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
