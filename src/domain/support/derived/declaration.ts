import type { ComponentUse, NextStep, PrincipleUse } from '../schemas.ts';

/**
 * A derived table, declared once: its key, its columns, and how its rows follow from raw interactions.
 * The same declaration drives the write path (touched keys recomputed at commit), the migration that
 * fills a new table, `praxis check`, `praxis rebuild` and the bench loaders.
 *
 * Two levels. An engagement-level table is a pure function of one engagement's live interactions. An
 * organization-level table is the sum of an engagement-level table per a coarser key; its rows are
 * recomputed from the engagement-level rows (in the database on the write path, by `organizationRows`
 * when checking), never by adding signed changes.
 */

export type ColumnType = 'text' | 'integer' | 'real';
export type Cell = string | number | null;
/** A derived row in table columns (without `organization_id`, which every table carries). */
export type DerivedRow = Record<string, Cell>;

/** The calendar or relationship month column by which a table's rows are recomputed when touched. */
export type Grain = 'calendar_month' | 'relationship_month';

/** What a derived table reads of a live interaction. */
export interface DerivedInteraction {
  engagementId: string;
  date: string;
  durationMinutes: number;
  mode: string;
  loggedBy: string;
  components: readonly Pick<ComponentUse, 'componentId' | 'minutes' | 'activityIds'>[];
  principles: readonly Pick<PrincipleUse, 'principleId' | 'rating'>[];
  nextSteps: readonly Pick<NextStep, 'owner' | 'dueDate' | 'done'>[];
}

/** The raw rows of one live engagement: its start date and live interactions (all, or those of a window of months). */
export interface EngagementInteractions {
  engagementId: string;
  startDate: string;
  interactions: readonly DerivedInteraction[];
}

export interface EngagementDeclaration {
  readonly level: 'engagement';
  readonly table: string;
  /** Key columns, `engagement_id` first, in key order. */
  readonly key: Readonly<Record<string, ColumnType>>;
  /** The other columns. */
  readonly values: Readonly<Record<string, ColumnType>>;
  /** A touched month makes the rows of that month (of this column) stale; rows of a month follow from its interactions alone. */
  readonly grain: Grain;
  /** Every row of the engagement's interactions, in no particular order. */
  rows(source: EngagementInteractions): DerivedRow[];
}

export interface OrganizationDeclaration {
  readonly level: 'organization';
  readonly table: string;
  /** The engagement-level table it sums. */
  readonly from: EngagementDeclaration;
  /** Key columns (columns of `from`), the grain among them. */
  readonly key: Readonly<Record<string, ColumnType>>;
  /** Columns of `from` summed over the engagements. */
  readonly sums: readonly string[];
  /** A column counting the engagements with a row under the key, if the table has one. */
  readonly engagementCount?: string;
  readonly grain: Grain;
}

export type DerivedDeclaration = EngagementDeclaration | OrganizationDeclaration;

/** Every column of a declared table, key first, with its type. */
export function columnsOf(declaration: DerivedDeclaration): [string, ColumnType][] {
  if (declaration.level === 'engagement')
    return [...Object.entries(declaration.key), ...Object.entries(declaration.values)];
  const counted: [string, ColumnType][] = declaration.engagementCount ? [[declaration.engagementCount, 'integer']] : [];
  return [
    ...Object.entries(declaration.key),
    ...declaration.sums.map((s): [string, ColumnType] => [s, 'integer']),
    ...counted,
  ];
}

/** The values of `columns` of a row joined into one string (a map key): a loop, as it runs for every derived row. */
export function joinedKey(row: DerivedRow, columns: readonly string[], separator = '\u0000'): string {
  let key = String(row[columns[0]!]);
  for (let i = 1; i < columns.length; i++) key += separator + String(row[columns[i]!]);
  return key;
}

const keyColumns = new WeakMap<DerivedDeclaration, string[]>();
/** The key columns of a declaration, in key order. */
export function keyColumnsOf(declaration: DerivedDeclaration): readonly string[] {
  let columns = keyColumns.get(declaration);
  if (!columns) keyColumns.set(declaration, (columns = Object.keys(declaration.key)));
  return columns;
}

const keyOrders = new WeakMap<DerivedDeclaration, (a: DerivedRow, b: DerivedRow) => number>();
/**
 * Compares rows by their key columns in key order, as the table's primary key orders them (text by
 * code unit, numbers as numbers): rows sorted by it are inserted in index order.
 */
export function keyOrder(declaration: DerivedDeclaration): (a: DerivedRow, b: DerivedRow) => number {
  let order = keyOrders.get(declaration);
  if (!order) {
    const columns = keyColumnsOf(declaration);
    order = (a, b) => {
      for (const c of columns) {
        const x = a[c]!;
        const y = b[c]!;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    };
    keyOrders.set(declaration, order);
  }
  return order;
}

/** The key of a row as one string, for comparing rows. */
export function rowKey(declaration: DerivedDeclaration, row: DerivedRow): string {
  return joinedKey(row, keyColumnsOf(declaration), ' ');
}

/**
 * Adds rows up by key into `byKey`: a row with a new key is copied in, and the `sums` columns of
 * a row whose key is there already are added to it.
 */
export function addRows(
  byKey: Map<string, DerivedRow>,
  rows: Iterable<DerivedRow>,
  key: readonly string[],
  sums: readonly string[],
): void {
  for (const row of rows) addRow(byKey, row, key, sums);
}

/**
 * Adds a row into `byKey`: the first row of a key is copied in, later ones have their `sums` columns
 * added to it.
 */
export function addRow(
  byKey: Map<string, DerivedRow>,
  row: DerivedRow,
  key: readonly string[],
  sums: readonly string[],
): void {
  const id = joinedKey(row, key);
  const slot = byKey.get(id);
  if (!slot) byKey.set(id, { ...row });
  else for (const s of sums) slot[s] = (slot[s] as number) + (row[s] as number);
}

/** Rows with equal keys added up: the `sums` columns summed, the others taken from the first. */
export function sumRows(rows: Iterable<DerivedRow>, key: readonly string[], sums: readonly string[]): DerivedRow[] {
  const byKey = new Map<string, DerivedRow>();
  addRows(byKey, rows, key, sums);
  return [...byKey.values()];
}

/**
 * The rows of an organization-level table that the complete rows of its engagement-level table imply,
 * summed as they come (engagement by engagement, so a check never holds every engagement's rows).
 */
export class OrganizationRowsSum {
  readonly #key: string[];
  readonly #byKey = new Map<string, { row: DerivedRow; engagements: Set<Cell> }>();

  constructor(readonly declaration: OrganizationDeclaration) {
    this.#key = Object.keys(declaration.key);
  }

  add(fromRows: Iterable<DerivedRow>): void {
    for (const row of fromRows) {
      const id = joinedKey(row, this.#key);
      let slot = this.#byKey.get(id);
      if (!slot) {
        const sum: DerivedRow = {};
        for (const k of this.#key) sum[k] = row[k]!;
        for (const s of this.declaration.sums) sum[s] = 0;
        this.#byKey.set(id, (slot = { row: sum, engagements: new Set() }));
      }
      for (const s of this.declaration.sums) slot.row[s] = (slot.row[s] as number) + (row[s] as number);
      if (this.declaration.engagementCount) slot.engagements.add(row.engagement_id!);
    }
  }

  rows(): DerivedRow[] {
    const count = this.declaration.engagementCount;
    return [...this.#byKey.values()].map(({ row, engagements }) =>
      count ? { ...row, [count]: engagements.size } : row,
    );
  }
}

/** The rows of an organization-level table that the complete rows of its engagement-level table imply. */
export function organizationRows(declaration: OrganizationDeclaration, fromRows: Iterable<DerivedRow>): DerivedRow[] {
  const sum = new OrganizationRowsSum(declaration);
  sum.add(fromRows);
  return sum.rows();
}
