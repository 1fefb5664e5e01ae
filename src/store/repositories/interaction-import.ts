import { CompiledQuery, sql } from 'kysely';
import { ownCopy } from '../../domain/support/interaction-table.ts';
import { DoseTotals, openNextStepRows, type DoseContribution } from '../../domain/support/rollups.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import { newId, nowIso } from '../ids.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { DoseRepository } from './dose.ts';
import type { Executor } from './executor.ts';
import { historyRow } from './history.ts';
import { interactionMapping, nextStepRow, type InteractionData } from './interactions.ts';

/**
 * Bound parameters per statement: far under both engines' limits (SQLite 32,766; PostgreSQL 65,535),
 * and small on purpose. Rows wait in memory until their statement is full; with statements near the
 * limits they lived long enough for V8 to move them to the old generation, whose garbage then grew the
 * heap with every batch (a 150,000-row import peaked at 430 MB instead of 325 MB). More rows a
 * statement saved no measurable time.
 */
export const maxStatementParameters = 2_000;

/**
 * Rows of one table written with multi-row INSERTs of as many rows as the parameter limit allows for
 * its column count. Rows arrive as flat lists of values, column after column (`ImportRows`). Only full
 * statements are written until `writeAll`, so the engine sees one statement text again and again (on
 * SQLite, one prepared statement) plus one for the rest at the end.
 */
class BatchedInsert {
  private values: unknown[] = [];
  private readonly texts = new Map<number, string>();
  private readonly valuesPerStatement: number;

  constructor(
    private readonly db: Executor,
    private readonly table: keyof DatabaseSchema,
    private readonly columns: readonly string[],
  ) {
    this.valuesPerStatement = Math.floor(maxStatementParameters / columns.length) * columns.length;
  }

  get isEmpty(): boolean {
    return this.values.length === 0;
  }

  /** Queues rows given as a flat list of values in column order. */
  add(values: readonly unknown[]): void {
    if (this.values.length === 0) this.values = values.slice();
    else for (const value of values) this.values.push(value);
  }

  /** Writes every full statement's worth, keeping the rest queued. */
  async writeFull(): Promise<void> {
    if (this.values.length < this.valuesPerStatement) return;
    let at = 0;
    for (; at + this.valuesPerStatement <= this.values.length; at += this.valuesPerStatement) await this.write(this.values.slice(at, at + this.valuesPerStatement));
    this.values = this.values.slice(at);
  }

  async writeAll(): Promise<void> {
    await this.writeFull();
    if (this.values.length > 0) await this.write(this.values.splice(0));
  }

  private async write(parameters: unknown[]): Promise<void> {
    await this.db.executeQuery(CompiledQuery.raw(this.textFor(parameters.length / this.columns.length), parameters));
  }

  /** `insert into "t" ("a", "b") values (?, ?), (?, ?)…` in the engine's dialect (`$1, $2…` on PostgreSQL). */
  private textFor(rowCount: number): string {
    let text = this.texts.get(rowCount);
    if (text === undefined) {
      const placeholders = sql.join(this.columns.map(() => null));
      const values = sql.join(Array.from({ length: rowCount }, () => sql`(${placeholders})`));
      text = sql`insert into ${sql.table(this.table)} (${sql.join(this.columns.map((c) => sql.ref(c)))}) values ${values}`.compile(this.db).sql;
      this.texts.set(rowCount, text);
    }
    return text;
  }
}

const mappedInteractionColumns = Object.keys(interactionMapping.columns({} as InteractionData));
const interactionColumns = ['id', 'organization_id', 'version', 'created_at', 'updated_at', 'deleted_at', ...mappedInteractionColumns];
const componentColumns = ['interaction_id', 'organization_id', 'component_id', 'minutes', 'activity_ids'];
const nextStepColumns = Object.keys(nextStepRow('', { interactionId: '', position: 0, engagementId: '', interactionDate: '', text: '', owner: '', dueDate: null }));
const historyColumns = Object.keys(historyRow({ organizationId: null, entity: '', entityId: '', action: 'create', actor: null, changes: {} }));

/**
 * The first version of a new interaction, as the repository reads it back (`interactionMapping.fromRow`)
 * and as history keeps it, built from the data directly: no JSON round trip per row.
 */
function createdInteraction(id: string, now: string, d: InteractionData): Interaction {
  return {
    id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    engagementId: d.engagementId,
    date: d.date,
    time: d.time,
    durationMinutes: d.durationMinutes,
    mode: d.mode,
    stageId: d.stageId,
    modelId: d.modelId,
    modelVersion: d.modelVersion,
    participants: d.participants,
    components: d.components,
    principles: d.principles,
    notes: d.notes,
    nextSteps: d.nextSteps,
    loggedBy: d.loggedBy,
  };
}

/** The rows of some new interactions, as flat lists of values per table, each row's values in its table's column order. */
export interface ImportRows {
  /** How many interactions the rows are of. */
  count: number;
  interactions: unknown[];
  components: unknown[];
  nextSteps: unknown[];
  history: unknown[];
}

const noRows = (): ImportRows => ({ count: 0, interactions: [], components: [], nextSteps: [], history: [] });

const pushRow = (into: unknown[], row: Record<string, unknown>, columns: readonly string[]): void => {
  for (const column of columns) into.push(row[column]);
};

/**
 * Builds what the bulk writer stores for new interactions, for an import already validated: the
 * interaction rows (version 1), their index rows (components, open next steps, as `writeIndexes`
 * writes them), a `create` history entry each with the full first version, as every insert writes;
 * and the monthly dose, summed per engagement month, component and principle. Pure computation with
 * no database, so it runs where the file is read (the import's reading thread); the rows go to an
 * `InteractionImportWriter`, a batch at a time (`take`), and the dose to its `finish`.
 */
export class ImportRowBuilder {
  private rows = noRows();
  private readonly dose = new DoseTotals();

  constructor(
    private readonly organizationId: string,
    private readonly actor: string,
  ) {}

  /** Interactions built since the last `take`. */
  get size(): number {
    return this.rows.count;
  }

  /** Builds the rows of one new interaction (of an engagement that started on `engagementStart`) and adds its dose. */
  add(data: InteractionData, engagementStart: string): void {
    const id = newId();
    const now = nowIso();
    const rows = this.rows;
    rows.interactions.push(id, this.organizationId, 1, now, now, null);
    pushRow(rows.interactions, interactionMapping.columns(data), mappedInteractionColumns);
    for (const c of data.components) rows.components.push(id, this.organizationId, c.componentId, c.minutes, JSON.stringify(c.activityIds));
    const snapshot = createdInteraction(id, now, data);
    for (const step of openNextStepRows(snapshot)) pushRow(rows.nextSteps, nextStepRow(this.organizationId, step) as unknown as Record<string, unknown>, nextStepColumns);
    pushRow(rows.history, historyRow({ organizationId: this.organizationId, entity: interactionMapping.entity, entityId: id, action: 'create', actor: this.actor, changes: {}, version: 1, snapshot }, now), historyColumns);
    // The sums outlive the file's text: their names are copied out of it (`ownCopy`).
    this.dose.add(
      {
        engagementId: ownCopy(data.engagementId),
        date: data.date,
        durationMinutes: data.durationMinutes,
        components: data.components.map((c) => ({ componentId: ownCopy(c.componentId), minutes: c.minutes, activityIds: c.activityIds })),
        principles: data.principles.map((p) => ({ principleId: ownCopy(p.principleId), rating: p.rating })),
      },
      engagementStart,
    );
    rows.count += 1;
  }

  /** The rows built since the last call. */
  take(): ImportRows {
    const rows = this.rows;
    this.rows = noRows();
    return rows;
  }

  /** The dose of every interaction built, summed per engagement month. */
  doseContributions(): DoseContribution[] {
    return this.dose.contributions();
  }
}

/**
 * Writes many new interactions at once, as `ImportRowBuilder` built them, with multi-row INSERTs; and
 * their monthly dose through the dose repository, once per month, at the end. Use it inside one
 * transaction and call `finish` last: what is written is only complete, rollups included, after it.
 */
export class InteractionImportWriter {
  private readonly interactions: BatchedInsert;
  private readonly components: BatchedInsert;
  private readonly nextSteps: BatchedInsert;
  private readonly history: BatchedInsert;
  private count = 0;

  constructor(
    db: Executor,
    /** The organization and the author the rows must be built for (`ImportRowBuilder`). */
    readonly organizationId: string,
    private readonly doseRepository: DoseRepository,
    readonly actor: string,
  ) {
    this.interactions = new BatchedInsert(db, 'interactions', interactionColumns);
    this.components = new BatchedInsert(db, 'interaction_components', componentColumns);
    this.nextSteps = new BatchedInsert(db, 'interaction_next_steps', nextStepColumns);
    this.history = new BatchedInsert(db, 'history', historyColumns);
  }

  /** Queues the rows of some interactions, writing full statements. */
  async add(rows: ImportRows): Promise<void> {
    this.interactions.add(rows.interactions);
    this.components.add(rows.components);
    this.nextSteps.add(rows.nextSteps);
    this.history.add(rows.history);
    this.count += rows.count;
    await this.writeFull();
  }

  /** Writes the rest and the dose rollups of everything written; returns how many interactions were written. */
  async finish(dose: Iterable<DoseContribution>): Promise<number> {
    await this.interactions.writeAll();
    await this.components.writeAll();
    await this.nextSteps.writeAll();
    await this.history.writeAll();
    await this.doseRepository.applyAll(dose);
    return this.count;
  }

  /**
   * Writes full statements: interactions first, then the index rows (components, open next steps), which
   * refer to interactions — only when no interaction is left queued, so each one written has its interaction.
   */
  private async writeFull(): Promise<void> {
    await this.interactions.writeFull();
    if (this.interactions.isEmpty) {
      await this.components.writeFull();
      await this.nextSteps.writeFull();
    }
    await this.history.writeFull();
  }
}
