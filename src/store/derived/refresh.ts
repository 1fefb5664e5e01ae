import type { Transaction } from 'kysely';
import {
  keyOrder,
  type Cell,
  type DerivedInteraction,
  type DerivedRow,
  type EngagementDeclaration,
  type EngagementInteractions,
  type Grain,
} from '../../domain/support/derived/declaration.ts';
import { engagementTables, organizationTables } from '../../domain/support/derived/registry.ts';
import { relationshipMonth, relationshipMonthStart } from '../../domain/support/months.ts';
import { monthsOf } from '../../domain/support/derived/summed-per-interaction.ts';
import type { PendingWrites } from '../commit-scope.ts';
import type { Engine } from '../database.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { Executor } from '../repositories/executor.ts';
import { comparisonOf, mismatches } from '../../domain/support/derived/compare.ts';
import {
  deleteEngagementRows,
  deleteRowsByKey,
  deleteRowsWithin,
  insertRows,
  monthsWithRows,
  refreshOrganizationRows,
  storedRowsWithin,
  type EngagementRange,
} from './derived-rows.ts';
import { raiseDerivedVersions } from '../slices/engagement-summaries.ts';
import {
  engagementInteractions,
  engagementsOf,
  engagementsWithin,
  interactionsWithin,
  type DerivedEngagement,
} from './engagement-source.ts';

/** Per engagement, the calendar months a write touched, or all of them (its start date moved, it was deleted or restored). */
type Touched = Map<string, Set<string> | 'all'>;

const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const lastDayOf = (month: string): string =>
  `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;

/** The months of each grain whose organization-level rows a recompute of engagement rows made stale. */
class StaleMonths {
  readonly calendar_month = new Set<Cell>();
  readonly relationship_month = new Set<Cell>();
  add(grain: Grain, months: Iterable<Cell>): void {
    for (const m of months) this[grain].add(m);
  }
}

/**
 * Recomputes one engagement's derived rows from its live interactions: those of the touched calendar
 * months (and of the months of the relationship that reach into them), or all. Notes in `stale` which
 * organization-level months follow.
 */
async function refreshEngagement(
  db: Executor,
  organizationId: string,
  engagement: DerivedEngagement | undefined,
  engagementId: string,
  touched: Set<string> | 'all',
  stale: StaleMonths,
): Promise<void> {
  if (touched === 'all' || !engagement || !engagement.live) {
    for (const table of organizationTables)
      stale.add(table.grain, await monthsWithRows(db, organizationId, table.from, engagementId, table.grain));
    for (const table of engagementTables) await deleteEngagementRows(db, organizationId, table, engagementId, null);
    if (!engagement?.live) return;
    const source = await engagementInteractions(db, organizationId, engagement);
    const written = new Map<EngagementDeclaration, DerivedRow[]>();
    for (const table of engagementTables) {
      const rows = table.rows(source);
      await insertRows(db, organizationId, table, rows);
      written.set(table, rows);
    }
    for (const table of organizationTables)
      stale.add(
        table.grain,
        (written.get(table.from) ?? []).map((row) => row[table.grain]!),
      );
    return;
  }
  const calendar = [...touched].sort();
  // A month of the relationship spans at most two calendar months: those reaching into a touched month
  // are the ones holding its first and its last day, and every one between.
  const relationship = new Set<number>();
  for (const month of calendar)
    for (
      let r = relationshipMonth(engagement.startDate, `${month}-01`);
      r <= relationshipMonth(engagement.startDate, lastDayOf(month));
      r++
    )
      relationship.add(r);
  // Read only the days those months cover: from the first day of the first touched calendar month or
  // month of the relationship to the last day of the last one.
  const first = Math.min(...relationship);
  const last = Math.max(...relationship);
  const source = await engagementInteractions(
    db,
    organizationId,
    engagement,
    {
      from: minDate(`${calendar[0]!}-01`, relationshipMonthStart(engagement.startDate, first)),
      to: maxDate(lastDayOf(calendar.at(-1)!), dayBefore(relationshipMonthStart(engagement.startDate, last + 1))),
    },
    true,
  );
  const months = { calendar_month: new Set<Cell>(calendar), relationship_month: new Set<Cell>(relationship) };
  // Each table recomputes its touched months from their own interactions alone (a row of a month
  // follows from that month's interactions: see `EngagementDeclaration.grain`).
  const inMonths: Record<Grain, EngagementInteractions> = {
    calendar_month: {
      ...source,
      interactions: source.interactions.filter((i) =>
        months.calendar_month.has(monthsOf(engagement.startDate, i).calendarMonth),
      ),
    },
    relationship_month: {
      ...source,
      interactions: source.interactions.filter((i) =>
        months.relationship_month.has(monthsOf(engagement.startDate, i).relationshipMonth),
      ),
    },
  };
  for (const table of engagementTables) {
    const within = months[table.grain];
    await deleteEngagementRows(db, organizationId, table, engagementId, [...within]);
    await insertRows(
      db,
      organizationId,
      table,
      table.rows(inMonths[table.grain]).filter((row) => within.has(row[table.grain]!)),
    );
  }
  stale.add('calendar_month', months.calendar_month);
  stale.add('relationship_month', months.relationship_month);
}

/**
 * Recomputes the derived rows that writes touched, from raw rows, right before the commit (see
 * `CommitScope`): every engagement-level table for each touched engagement and month, then every
 * organization-level table for the months those changed. No row is ever adjusted by a difference, so
 * what is written is what the declarations give for the committed raw rows.
 *
 * The writes of an engagement hold its lock until the commit (`EngagementRepository.lockForWrite`),
 * so its rows are recomputed from every write before; organization-level months are locked while they
 * are recomputed (`refreshOrganizationRows`).
 */
export class DerivedRefresh implements PendingWrites<DatabaseSchema> {
  readonly #touched = new Map<string, Touched>();

  constructor(private readonly engine: Engine) {}

  /** Marks calendar months of an engagement as touched. */
  touch(organizationId: string, engagementId: string, calendarMonths: Iterable<string>): void {
    const engagements = this.#engagements(organizationId);
    let months = engagements.get(engagementId);
    if (months === 'all') return;
    if (!months) engagements.set(engagementId, (months = new Set()));
    for (const m of calendarMonths) months.add(m);
  }

  /** Marks every month of an engagement as touched. */
  touchEngagement(organizationId: string, engagementId: string): void {
    this.#engagements(organizationId).set(engagementId, 'all');
  }

  merge(other: DerivedRefresh): void {
    for (const [organizationId, engagements] of other.#touched)
      for (const [engagementId, months] of engagements)
        if (months === 'all') this.touchEngagement(organizationId, engagementId);
        else this.touch(organizationId, engagementId, months);
  }

  async write(trx: Transaction<DatabaseSchema> | Executor): Promise<void> {
    for (const organizationId of [...this.#touched.keys()].sort()) {
      const touched = this.#touched.get(organizationId)!;
      const ids = [...touched.keys()].sort();
      const engagements = new Map((await engagementsOf(trx, organizationId, ids)).map((e) => [e.id, e]));
      const stale = new StaleMonths();
      for (const id of ids)
        await refreshEngagement(trx, organizationId, engagements.get(id), id, touched.get(id)!, stale);
      await raiseDerivedVersions(trx, organizationId, ids);
      for (const table of organizationTables)
        await refreshOrganizationRows(trx, this.engine, organizationId, table, [...stale[table.grain]].sort());
    }
    this.#touched.clear();
  }

  #engagements(organizationId: string): Touched {
    let engagements = this.#touched.get(organizationId);
    if (!engagements) this.#touched.set(organizationId, (engagements = new Map()));
    return engagements;
  }
}

/**
 * Above this share of a range's stored rows to replace, a table's rows of the range are all deleted and
 * written again; below it, only the rows that differ are.
 */
const rewriteAllAbove = 0.1;

/**
 * Makes the engagement-level rows of a range of engagements what their raw rows give: each live
 * engagement's rows are computed by the declarations and compared by key with the stored rows of the
 * range (those of deleted or gone engagements too); rows that differ or should not be there are
 * deleted, and the missing and corrected ones inserted, many to a statement. When much of a table
 * differs (an empty or wholly stale table), its rows of the range are deleted and all written anew.
 * Hold the range's engagement locks.
 */
export async function rebuildEngagementRows(
  db: Executor,
  organizationId: string,
  range: EngagementRange,
): Promise<void> {
  const engagements = (await engagementsWithin(db, organizationId, range)).filter((e) => e.live);
  const byEngagement = new Map<string, DerivedInteraction[]>();
  for (const interaction of await interactionsWithin(db, organizationId, range)) {
    let list = byEngagement.get(interaction.engagementId);
    if (!list) byEngagement.set(interaction.engagementId, (list = []));
    list.push(interaction);
  }
  // Any live engagement of the range may change: copies of its rows held in memory are read again.
  await raiseDerivedVersions(
    db,
    organizationId,
    engagements.map((e) => e.id),
  );
  const sources = engagements.map((e) => ({
    engagementId: e.id,
    startDate: e.startDate,
    interactions: byEngagement.get(e.id) ?? [],
  }));
  for (const table of engagementTables) {
    const rows: DerivedRow[] = [];
    for (const source of sources) for (const row of table.rows(source)) rows.push(row);
    // Rows inserted in the order of the table's key fill its pages one after another.
    rows.sort(keyOrder(table));
    const stored = await storedRowsWithin(db, organizationId, table, range);
    if (stored.length === 0) {
      await insertRows(db, organizationId, table, rows);
      continue;
    }
    const found = mismatches(comparisonOf(table), stored, rows);
    const stale = found.filter((m) => m.stored !== null).map((m) => m.stored!);
    if (stale.length > stored.length * rewriteAllAbove) {
      await deleteRowsWithin(db, organizationId, table, range);
      await insertRows(db, organizationId, table, rows);
      continue;
    }
    await deleteRowsByKey(db, organizationId, table, stale);
    await insertRows(
      db,
      organizationId,
      table,
      found.filter((m) => m.recomputed !== null).map((m) => m.recomputed!),
    );
  }
}

/** Rewrites every organization-level row from the engagement-level rows, in the database. Hold every engagement's lock. */
export async function rebuildOrganizationRows(db: Executor, engine: Engine, organizationId: string): Promise<void> {
  for (const table of organizationTables) await refreshOrganizationRows(db, engine, organizationId, table, null);
}
