import { CompiledQuery, sql } from 'kysely';
import { DoseTotals, openNextStepRows } from '../../domain/support/rollups.ts';
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any table; the columns name what is read
type Row = Record<string, any>;

/**
 * Rows of one table written with multi-row INSERTs of as many rows as the parameter limit allows for
 * its column count. Only full statements are written until `writeAll`, so the engine sees one
 * statement text again and again (on SQLite, one prepared statement) plus one for the rest at the end.
 */
class BatchedInsert {
  private rows: Row[] = [];
  private readonly texts = new Map<number, string>();
  private readonly rowsPerStatement: number;

  constructor(
    private readonly db: Executor,
    private readonly table: keyof DatabaseSchema,
    private readonly columns: readonly string[],
  ) {
    this.rowsPerStatement = Math.floor(maxStatementParameters / columns.length);
  }

  get isEmpty(): boolean {
    return this.rows.length === 0;
  }

  /** Queues a row; true once a full statement's worth is waiting. */
  add(row: Row): boolean {
    this.rows.push(row);
    return this.rows.length >= this.rowsPerStatement;
  }

  /** Writes every full statement's worth, keeping the rest queued. */
  async writeFull(): Promise<void> {
    while (this.rows.length >= this.rowsPerStatement) await this.write(this.rows.splice(0, this.rowsPerStatement));
  }

  async writeAll(): Promise<void> {
    await this.writeFull();
    if (this.rows.length > 0) await this.write(this.rows.splice(0));
  }

  private async write(rows: Row[]): Promise<void> {
    const parameters: unknown[] = [];
    for (const row of rows) for (const column of this.columns) parameters.push(row[column]);
    await this.db.executeQuery(CompiledQuery.raw(this.textFor(rows.length), parameters));
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

const interactionColumns = ['id', 'organization_id', 'version', 'created_at', 'updated_at', 'deleted_at', ...Object.keys(interactionMapping.columns({} as InteractionData))];
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

/**
 * Writes many new interactions at once, for an import already validated: the interaction rows, their
 * index rows (components, open next steps, as `writeIndexes` writes them) and a `create` history entry each (the full first version, as every insert
 * writes), with multi-row INSERTs; and the monthly dose, summed in memory per engagement month and
 * component and applied through the dose repository once per month at the end. Use it inside one
 * transaction and call `finish` last: what is written is only complete, rollups included, after it.
 */
export class InteractionImportWriter {
  private readonly interactions: BatchedInsert;
  private readonly components: BatchedInsert;
  private readonly nextSteps: BatchedInsert;
  private readonly history: BatchedInsert;
  private readonly dose = new DoseTotals();
  private count = 0;

  constructor(
    db: Executor,
    private readonly organizationId: string,
    private readonly doseRepository: DoseRepository,
    private readonly actor: string,
  ) {
    this.interactions = new BatchedInsert(db, 'interactions', interactionColumns);
    this.components = new BatchedInsert(db, 'interaction_components', componentColumns);
    this.nextSteps = new BatchedInsert(db, 'interaction_next_steps', nextStepColumns);
    this.history = new BatchedInsert(db, 'history', historyColumns);
  }

  /** Queues one new interaction (of an engagement that started on `engagementStart`), writing full batches. */
  async add(data: InteractionData, engagementStart: string): Promise<void> {
    const id = newId();
    const now = nowIso();
    const row = { id, organization_id: this.organizationId, version: 1, created_at: now, updated_at: now, deleted_at: null, ...interactionMapping.columns(data) };
    let full = this.interactions.add(row);
    for (const c of data.components) {
      full = this.components.add({ interaction_id: id, organization_id: this.organizationId, component_id: c.componentId, minutes: c.minutes, activity_ids: JSON.stringify(c.activityIds) }) || full;
    }
    const snapshot = createdInteraction(id, now, data);
    for (const step of openNextStepRows(snapshot)) full = this.nextSteps.add(nextStepRow(this.organizationId, step)) || full;
    full = this.history.add(historyRow({ organizationId: this.organizationId, entity: interactionMapping.entity, entityId: id, action: 'create', actor: this.actor, changes: {}, version: 1, snapshot }, now)) || full;
    this.dose.add(data, engagementStart);
    this.count += 1;
    if (full) await this.writeFull();
  }

  /** Writes the rest and the dose rollups; returns how many interactions were written. */
  async finish(): Promise<number> {
    await this.interactions.writeAll();
    await this.components.writeAll();
    await this.nextSteps.writeAll();
    await this.history.writeAll();
    await this.doseRepository.applyAll(this.dose.contributions());
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
