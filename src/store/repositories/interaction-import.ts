import { CompiledQuery, sql } from 'kysely';
import { calendarMonth } from '../../domain/support/months.ts';
import { openNextStepRows } from '../../domain/support/rollups.ts';
import { ownCopy } from '../own-copy.ts';
import { conflict } from '../../domain/errors.ts';
import type { Engagement } from '../../domain/support/schemas.ts';
import { newId, nowIso } from '../ids.ts';
import type { DerivedRepository } from './derived.ts';
import type { EngagementRepository } from './engagements.ts';
import type { Executor } from './executor.ts';
import { historyRow } from './history.ts';
import { createdInteraction, interactionMapping, nextStepRow, type InteractionData } from './interactions.ts';

/**
 * Bound parameters per statement: far under both engines' limits (SQLite 32,766; PostgreSQL 65,535),
 * and small on purpose. Rows wait in memory until their statement is full; with statements near the
 * limits they lived long enough for V8 to move them to the old generation, whose garbage then grew the
 * heap with every batch (a 150,000-row import peaked at 430 MB instead of 325 MB). More rows a
 * statement saved no measurable time.
 */
export const maxStatementParameters = 2_000;

const mappedInteractionColumns = Object.keys(interactionMapping.columns({} as InteractionData));
const interactionColumns = [
  'id',
  'organization_id',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
  ...mappedInteractionColumns,
];
const componentColumns = ['interaction_id', 'organization_id', 'component_id', 'minutes', 'activity_ids'];
const nextStepColumns = Object.keys(
  nextStepRow('', {
    interactionId: '',
    position: 0,
    engagementId: '',
    interactionDate: '',
    text: '',
    owner: '',
    dueDate: null,
  }),
);
const historyColumns = Object.keys(
  historyRow({ organizationId: null, entity: '', entityId: '', action: 'create', actor: null, changes: {} }),
);

/** The tables an import writes, and their columns in the order their values are given. */
const importColumns = {
  interactions: interactionColumns,
  interaction_components: componentColumns,
  interaction_next_steps: nextStepColumns,
  history: historyColumns,
} as const;
export type ImportTable = keyof typeof importColumns;

/** One multi-row INSERT of an import: its table, and the values of its rows, row after row in column order. */
export interface ImportStatement {
  table: ImportTable;
  values: unknown[];
}

/** Values of one table waiting for a full statement. */
class StatementQueue {
  values: unknown[] = [];
  /** As many rows as the parameter limit allows for the table's column count. */
  readonly valuesPerStatement: number;

  constructor(readonly table: ImportTable) {
    const columns = importColumns[table].length;
    this.valuesPerStatement = Math.floor(maxStatementParameters / columns) * columns;
  }

  /** Moves every full statement's worth to `into`. */
  takeFull(into: ImportStatement[]): void {
    while (this.values.length >= this.valuesPerStatement) {
      if (this.values.length === this.valuesPerStatement) {
        into.push({ table: this.table, values: this.values });
        this.values = [];
      } else into.push({ table: this.table, values: this.values.splice(0, this.valuesPerStatement) });
    }
  }

  /** Moves the rest, a shorter statement, to `into`. */
  takeRest(into: ImportStatement[]): void {
    this.takeFull(into);
    if (this.values.length > 0) into.push({ table: this.table, values: this.values });
    this.values = [];
  }
}

const pushRow = (into: unknown[], row: Record<string, unknown>, columns: readonly string[]): void => {
  for (const column of columns) into.push(row[column]);
};

/** Engagements and the calendar months (`YYYY-MM`) an import wrote interactions in. */
export type TouchedMonths = [engagementId: string, calendarMonths: string[]][];

/**
 * Builds what the bulk writer stores for new interactions, for an import already validated: the
 * interaction rows (version 1), their index rows (components, open next steps, as `writeIndexes`
 * writes them), a `create` history entry each with the full first version, as every insert writes;
 * and the monthly dose, summed per engagement month, component and principle. The rows come out as
 * the parameters of multi-row INSERTs (`ImportStatement`), each as many rows as `maxStatementParameters`
 * allows, so the same statement text (on SQLite, one prepared statement) is used again and again and
 * the writer passes them on as they are. Pure computation with no database, so it runs where the file
 * is read (the import's reading thread); the statements go to an `InteractionImportWriter`.
 *
 * Order: index rows refer to their interaction, so a statement of component or next-step rows comes
 * out only when no interaction is still waiting, after the statements holding their interactions.
 */
export class ImportRowBuilder {
  private readonly interactions = new StatementQueue('interactions');
  private readonly components = new StatementQueue('interaction_components');
  private readonly nextSteps = new StatementQueue('interaction_next_steps');
  private readonly history = new StatementQueue('history');
  private ready: ImportStatement[] = [];
  /** The calendar months of each engagement the built interactions fall in. */
  private readonly months = new Map<string, Set<string>>();
  /** Interactions built since the last `take`. */
  built = 0;

  constructor(
    private readonly organizationId: string,
    private readonly actor: string,
  ) {}

  /** Full statements ready to go. */
  get readyCount(): number {
    return this.ready.length;
  }

  /** Builds the rows of one new interaction and notes its engagement's calendar month. */
  add(data: InteractionData): void {
    const id = newId();
    const now = nowIso();
    const interactions = this.interactions.values;
    interactions.push(id, this.organizationId, 1, now, now, null);
    pushRow(interactions, interactionMapping.columns(data), mappedInteractionColumns);
    for (const c of data.components)
      this.components.values.push(id, this.organizationId, c.componentId, c.minutes, JSON.stringify(c.activityIds));
    const snapshot = createdInteraction(id, now, data);
    for (const step of openNextStepRows(snapshot))
      pushRow(
        this.nextSteps.values,
        nextStepRow(this.organizationId, step) as unknown as Record<string, unknown>,
        nextStepColumns,
      );
    pushRow(
      this.history.values,
      historyRow(
        {
          organizationId: this.organizationId,
          entity: interactionMapping.entity,
          entityId: id,
          action: 'create',
          actor: this.actor,
          changes: {},
          version: 1,
          snapshot,
        },
        now,
      ),
      historyColumns,
    );
    let months = this.months.get(data.engagementId);
    if (!months) this.months.set(ownCopy(data.engagementId), (months = new Set()));
    const month = calendarMonth(data.date);
    if (!months.has(month)) months.add(ownCopy(month));
    this.built += 1;
    this.interactions.takeFull(this.ready);
    if (this.interactions.values.length === 0) {
      this.components.takeFull(this.ready);
      this.nextSteps.takeFull(this.ready);
    }
    this.history.takeFull(this.ready);
  }

  /** The full statements built since the last call, in the order they must run. */
  take(): ImportStatement[] {
    const ready = this.ready;
    this.ready = [];
    this.built = 0;
    return ready;
  }

  /** Every statement still to run, the shorter last ones included; call it once, at the end. */
  takeAll(): ImportStatement[] {
    const all = this.take();
    for (const queue of [this.interactions, this.components, this.nextSteps, this.history]) queue.takeRest(all);
    return all;
  }

  /** The calendar months, per engagement, of every interaction built: the derived rows to recompute. */
  touchedMonths(): TouchedMonths {
    return [...this.months].map(([engagementId, months]) => [engagementId, [...months]]);
  }
}

/**
 * Writes many new interactions at once: the statements `ImportRowBuilder` built, in their order, and
 * then their monthly dose through the dose repository, once per month. Use it inside one transaction
 * and call `finish` last: what is written is only complete, rollups included, after it.
 *
 * The rows are checked and their dose computed against the engagements as the import first read them
 * (`checkedAgainst`), without holding their locks while the file is read: an import takes as long as
 * its file, and logging to those engagements would wait for all of it. `finish` locks them and refuses
 * the import if any was changed meanwhile (deleted, its start date moved, its stages changed…).
 */
export class InteractionImportWriter {
  private readonly texts = new Map<string, string>();
  private count = 0;
  /** The version of each engagement the rows were checked against. */
  private readonly engagementVersions = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    /** The organization and the author the rows must be built for (`ImportRowBuilder`). */
    readonly organizationId: string,
    private readonly engagements: EngagementRepository,
    private readonly derived: DerivedRepository,
    readonly actor: string,
  ) {}

  /** Notes the version of an engagement the import's rows are checked against. */
  checkedAgainst(engagement: Engagement): void {
    this.engagementVersions.set(engagement.id, engagement.version);
  }

  /** Runs the statements of `interactions` more interactions. */
  async write(statements: readonly ImportStatement[], interactions: number): Promise<void> {
    for (const { table, values } of statements) {
      const columns = importColumns[table];
      await this.db.executeQuery(CompiledQuery.raw(this.textFor(table, values.length / columns.length), values));
    }
    this.count += interactions;
  }

  /**
   * Writes the dose rollups of everything written; returns how many interactions were written. Refuses
   * (409, and the transaction rolls back) when an engagement the rows were checked against has changed.
   */
  async finish(touched: TouchedMonths): Promise<number> {
    await this.engagements.lockForWrite(this.engagementVersions.keys());
    for (const [id, version] of this.engagementVersions) {
      const now = await this.engagements.find(id);
      if (now?.version !== version)
        throw conflict('An engagement was changed while the file was imported; nothing was written, import it again', [
          { path: 'engagement_id', message: `engagement "${id}" was ${now ? 'edited' : 'deleted'} during the import` },
        ]);
    }
    for (const [engagementId, months] of touched) await this.derived.touch(engagementId, months);
    return this.count;
  }

  /** `insert into "t" ("a", "b") values (?, ?), (?, ?)…` in the engine's dialect (`$1, $2…` on PostgreSQL). */
  private textFor(table: ImportTable, rowCount: number): string {
    const key = `${table} ${rowCount}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      const columns = importColumns[table];
      const placeholders = sql.join(columns.map(() => null));
      const values = sql.join(Array.from({ length: rowCount }, () => sql`(${placeholders})`));
      text =
        sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${values}`.compile(
          this.db,
        ).sql;
      this.texts.set(key, text);
    }
    return text;
  }
}
