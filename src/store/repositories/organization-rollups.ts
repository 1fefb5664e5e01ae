import type {
  OrganizationActivityMonthUse,
  OrganizationComponentMonthDose,
  OrganizationDose,
  OrganizationModeMonthUse,
  OrganizationMonthDose,
  OrganizationPrincipleMonthUse,
} from '../../domain/support/rollups.ts';
import type { OrganizationRelationshipComponentDose } from '../../domain/support/relationship-dose.ts';
import type { PendingWrites } from '../commit-scope.ts';
import type { Insertable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { Executor } from './executor.ts';
import { addToRowsPrepared, type ColumnOf, type RowsOf, type Table } from './prepared.ts';

/** One organization-level rollup: its table, its key and amount columns, and the columns of one item. */
interface Rollup<T extends Table, Item> {
  table: T;
  key: readonly ColumnOf<T>[];
  amounts: readonly ColumnOf<T>[];
  columns(item: Item): Omit<Insertable<DatabaseSchema[T]>, 'organization_id'>;
}
const rollup = <T extends Table, Item>(spec: Rollup<T, Item>): Rollup<T, Item> => spec;

/** Each organization-level rollup: its table, the columns of its key and of its amounts, and how a row maps to them. */
const tables = {
  months: rollup({
    table: 'organization_month_dose',
    key: ['calendar_month'],
    amounts: ['interactions', 'minutes', 'engagements'],
    columns: (m: OrganizationMonthDose) => ({
      calendar_month: m.calendarMonth,
      interactions: m.interactions,
      minutes: m.minutes,
      engagements: m.engagements,
    }),
  }),
  componentMonths: rollup({
    table: 'organization_component_month_dose',
    key: ['calendar_month', 'component_id'],
    amounts: ['interactions', 'minutes', 'activity_uses'],
    columns: (c: OrganizationComponentMonthDose) => ({
      calendar_month: c.calendarMonth,
      component_id: c.componentId,
      interactions: c.interactions,
      minutes: c.minutes,
      activity_uses: c.activityUses,
    }),
  }),
  relationshipComponents: rollup({
    table: 'organization_relationship_component_dose',
    key: ['relationship_month', 'component_id'],
    amounts: ['interactions', 'minutes', 'activity_uses'],
    columns: (c: OrganizationRelationshipComponentDose) => ({
      relationship_month: c.relationshipMonth,
      component_id: c.componentId,
      interactions: c.interactions,
      minutes: c.minutes,
      activity_uses: c.activityUses,
    }),
  }),
  modeMonths: rollup({
    table: 'organization_mode_month_use',
    key: ['calendar_month', 'mode'],
    amounts: ['interactions', 'minutes'],
    columns: (m: OrganizationModeMonthUse) => ({
      calendar_month: m.calendarMonth,
      mode: m.mode,
      interactions: m.interactions,
      minutes: m.minutes,
    }),
  }),
  principleMonths: rollup({
    table: 'organization_principle_month_use',
    key: ['calendar_month', 'principle_id'],
    amounts: ['interactions', 'ratings', 'rating_sum'],
    columns: (p: OrganizationPrincipleMonthUse) => ({
      calendar_month: p.calendarMonth,
      principle_id: p.principleId,
      interactions: p.interactions,
      ratings: p.ratings,
      rating_sum: p.ratingSum,
    }),
  }),
  activityMonths: rollup({
    table: 'organization_activity_month_use',
    key: ['calendar_month', 'component_id', 'activity_id'],
    amounts: ['interactions'],
    columns: (a: OrganizationActivityMonthUse) => ({
      calendar_month: a.calendarMonth,
      component_id: a.componentId,
      activity_id: a.activityId,
      interactions: a.interactions,
    }),
  }),
};

type Part = keyof typeof tables;
type RollupTable = (typeof tables)[Part]['table'];
type Row = Record<string, string | number>;

/**
 * Changes of the organization-level rollups, summed per organization and row, and written together:
 * at the end of one rollup write, or, inside a transaction, once right before its commit for every
 * unit of work that shares the commit (`CommitScope`). Every logged interaction changes a row of each
 * of these tables, and the units of one group commit mostly change the same rows, so one upsert per
 * table replaces one per interaction. Rows are written in key order (two PostgreSQL writers of the
 * same rows then lock them in one order), and rows whose interactions fall to zero are removed.
 */
export class OrganizationRollupChanges implements PendingWrites<DatabaseSchema> {
  /** Per organization, per rollup, the summed rows by key (in table columns). */
  readonly #byOrganization = new Map<string, Map<Part, Map<string, Row>>>();

  /** Adds what a change of one organization's engagement-level rows changes at its level (`organizationChange`). */
  add(organizationId: string, change: OrganizationDose): void {
    let parts = this.#byOrganization.get(organizationId);
    if (!parts) this.#byOrganization.set(organizationId, (parts = new Map()));
    for (const part of Object.keys(tables) as Part[]) {
      const spec = tables[part];
      let rows = parts.get(part);
      if (!rows) parts.set(part, (rows = new Map()));
      for (const row of change[part]) this.#addRow(rows, part, (spec.columns as (row: unknown) => Row)(row));
    }
  }

  merge(other: OrganizationRollupChanges): void {
    for (const [organizationId, parts] of other.#byOrganization) {
      let mine = this.#byOrganization.get(organizationId);
      if (!mine) this.#byOrganization.set(organizationId, (mine = new Map()));
      for (const [part, rows] of parts) {
        let into = mine.get(part);
        if (!into) mine.set(part, (into = new Map()));
        for (const row of rows.values()) this.#addRow(into, part, row);
      }
    }
  }

  async write(db: Executor): Promise<void> {
    for (const organizationId of [...this.#byOrganization.keys()].sort()) {
      for (const [part, byKey] of this.#byOrganization.get(organizationId)!) {
        const { table, key, amounts } = tables[part] as unknown as Rollup<RollupTable, unknown>;
        const rows = [...byKey.entries()]
          .filter(([, row]) => amounts.some((a) => row[a] !== 0))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([, row]): Row => ({ organization_id: organizationId, ...row }));
        // The rows were built by the rollup's own `columns`, summed by key: of its table.
        const written = rows as unknown as RowsOf<RollupTable, Insertable<DatabaseSchema[RollupTable]>>;
        await addToRowsPrepared(db, table, written, ['organization_id', ...key], amounts);
        // Only a subtraction (or an empty sum) can leave a row at zero; an addition never leaves one to remove.
        const emptied = rows.filter((row) => Number(row.interactions) <= 0);
        if (emptied.length === 0) continue;
        const first = key[0]!;
        await db
          .deleteFrom(table)
          .where('organization_id', '=', organizationId)
          .where(first, 'in', [...new Set(emptied.map((row) => row[first]!))] as string[]) // numbers for relationship months: the type names one of the columns, the value either kind
          .where('interactions', '<=', 0)
          .execute();
      }
    }
    this.#byOrganization.clear();
  }

  #addRow(rows: Map<string, Row>, part: Part, row: Row): void {
    const { key, amounts } = tables[part];
    const id = key.map((k) => row[k]).join('|');
    const slot = rows.get(id);
    if (!slot) {
      rows.set(id, { ...row });
      return;
    }
    for (const a of amounts) slot[a] = Number(slot[a]) + Number(row[a]);
  }
}
