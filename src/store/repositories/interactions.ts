import { Interaction, type InteractionInput, type InteractionMode } from '../../domain/support/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import { calendarMonth } from '../../domain/support/months.ts';
import { openNextStepRows, type IndexedNextStep } from '../../domain/support/rollups.ts';
import type { InteractionComponentsTable, InteractionNextStepsTable } from '../schema.ts';
import type { Executor } from './executor.ts';
import type { TableInteraction } from '../../domain/support/interaction-rows.ts';
import { insertRowsPrepared, runPrepared } from './prepared.ts';
import { readJsonColumn } from '../json-column.ts';
import { VersionedRepository, type VersionedMapping } from './versioned.ts';

/** What is stored for an interaction: the input plus what the server fills in. */
export interface InteractionData extends InteractionInput {
  partnerId: string;
  modelId: string;
  modelVersion: string;
  loggedBy: string;
}

const at = (r: { id: string }, column: string) => ({ table: 'interactions', column, id: r.id });

/**
 * The first version of a new interaction, as the repository reads it back (`interactionMapping.fromRow`)
 * and as history keeps it, built from the data directly: no JSON round trip per row.
 */
export function createdInteraction(id: string, now: string, d: InteractionData): Interaction {
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

export const interactionMapping: VersionedMapping<'interactions', Interaction, InteractionData> = {
  table: 'interactions',
  entity: 'interaction',
  label: 'Interaction',
  columns: (i) => ({
    engagement_id: i.engagementId,
    partner_id: i.partnerId,
    date: i.date,
    time: i.time,
    duration_minutes: i.durationMinutes,
    mode: i.mode,
    stage_id: i.stageId,
    model_id: i.modelId,
    model_version: i.modelVersion,
    participants: JSON.stringify(i.participants),
    components: JSON.stringify(i.components),
    principles: JSON.stringify(i.principles),
    notes: i.notes,
    next_steps: JSON.stringify(i.nextSteps),
    logged_by: i.loggedBy,
  }),
  // The record's fields are written out rather than spread from `recordMeta`: V8 builds an object
  // literal that starts with a spread on a slow path, which made this mapping five times slower,
  // and it runs for every interaction an export or a check reads.
  fromRow: (r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    engagementId: r.engagement_id as string,
    date: r.date as string,
    time: r.time as string | null,
    durationMinutes: Number(r.duration_minutes),
    mode: r.mode as InteractionMode,
    stageId: r.stage_id as string | null,
    modelId: r.model_id as string,
    modelVersion: r.model_version as string,
    participants: readJsonColumn(Interaction.shape.participants, r.participants as string, at(r, 'participants')),
    components: readJsonColumn(Interaction.shape.components, r.components as string, at(r, 'components')),
    principles: readJsonColumn(Interaction.shape.principles, r.principles as string, at(r, 'principles')),
    notes: r.notes as string,
    nextSteps: readJsonColumn(Interaction.shape.nextSteps, r.next_steps as string, at(r, 'next_steps')),
    loggedBy: r.logged_by as string,
  }),
  created: createdInteraction,
};

/** The stored row of an open next step, as `writeIndexes` writes it (bulk writers use it too). */
export function nextStepRow(organizationId: string, s: IndexedNextStep): InteractionNextStepsTable {
  return {
    interaction_id: s.interactionId,
    position: s.position,
    organization_id: organizationId,
    engagement_id: s.engagementId,
    interaction_date: s.interactionDate,
    text: s.text,
    owner: s.owner,
    due_date: s.dueDate,
  };
}

/** An open next step as the next-step index stores it. */
export const nextStepFromRow = (r: InteractionNextStepsTable): IndexedNextStep => ({
  interactionId: r.interaction_id,
  position: Number(r.position),
  engagementId: r.engagement_id,
  interactionDate: r.interaction_date,
  text: r.text,
  owner: r.owner,
  dueDate: r.due_date,
});

export interface InteractionFilter {
  engagementId?: string | undefined;
  partnerId?: string | undefined;
  loggedBy?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  componentId?: string | undefined;
  stageId?: string | undefined;
  includeDeleted?: boolean | undefined;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const encodeCursor = (date: string, id: string) => Buffer.from(JSON.stringify([date, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'Invalid cursor', [
    { path: 'query.cursor', message: 'is not a cursor this API returned' },
  ]);
}

/** Interactions of one organization, with the component index kept in step. */
export class InteractionRepository extends VersionedRepository<'interactions', Interaction, InteractionData> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, interactionMapping);
  }

  /** Newest first, `limit` at a time; filters combine with AND. */
  async list(filter: InteractionFilter, limit: number, cursor?: string): Promise<Page<Interaction>> {
    let query = this.executor.selectFrom('interactions').selectAll().where('organization_id', '=', this.orgId);
    if (!filter.includeDeleted) query = query.where('deleted_at', 'is', null);
    if (filter.engagementId) query = query.where('engagement_id', '=', filter.engagementId);
    if (filter.partnerId) query = query.where('partner_id', '=', filter.partnerId);
    if (filter.loggedBy) query = query.where('logged_by', '=', filter.loggedBy);
    if (filter.from) query = query.where('date', '>=', filter.from);
    if (filter.to) query = query.where('date', '<=', filter.to);
    if (filter.stageId) query = query.where('stage_id', '=', filter.stageId);
    if (filter.componentId) {
      const componentId = filter.componentId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('interaction_components')
            .select('interaction_components.interaction_id')
            .whereRef('interaction_components.interaction_id', '=', 'interactions.id')
            .where('interaction_components.component_id', '=', componentId),
        ),
      );
    }
    if (cursor) {
      const [date, id] = decodeCursor(cursor);
      // A row-value comparison, which both engines answer by seeking the (organization, date, id)
      // index; spelled out with OR, SQLite scanned the organization's entries from the newest on
      // every page, so reading all pages took time quadratic in their number.
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('date', 'id'), '<', tuple(date, id)));
    }
    const rows = await query
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((r) => interactionMapping.fromRow(r as never));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.date, last.id) : null };
  }

  /**
   * Rewrites the indexes of one interaction (its components, its open next steps): rows while it is
   * live, none once deleted. `unindexed` says it has no rows yet (just created, or restored: deleting
   * removed them), which spares the deletes.
   */
  async writeIndexes(interaction: Interaction, options: { unindexed?: boolean } = {}): Promise<void> {
    if (!options.unindexed) {
      await this.executor.deleteFrom('interaction_components').where('interaction_id', '=', interaction.id).execute();
      await this.executor.deleteFrom('interaction_next_steps').where('interaction_id', '=', interaction.id).execute();
    }
    if (interaction.deletedAt !== null) return;
    if (interaction.components.length > 0) {
      const rows: InteractionComponentsTable[] = interaction.components.map((c) => ({
        interaction_id: interaction.id,
        organization_id: this.orgId,
        component_id: c.componentId,
        minutes: c.minutes,
        activity_ids: JSON.stringify(c.activityIds),
      }));
      await insertRowsPrepared(this.executor, 'interaction_components', rows);
    }
    const steps = openNextStepRows(interaction);
    if (steps.length > 0)
      await insertRowsPrepared(
        this.executor,
        'interaction_next_steps',
        steps.map((s) => nextStepRow(this.orgId, s)),
      );
  }

  /** The open next steps of live interactions, of one engagement or of the whole organization, from the next-step index. */
  async openNextSteps(engagementId?: string): Promise<IndexedNextStep[]> {
    let query = this.executor
      .selectFrom('interaction_next_steps')
      .selectAll()
      .where('organization_id', '=', this.orgId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('interaction_date').orderBy('interaction_id').orderBy('position').execute();
    return rows.map(nextStepFromRow);
  }

  /**
   * The date of the latest live interaction of each engagement (engagements with none are absent).
   * One seek of the (organization, engagement, date) index per engagement, newest first.
   */
  async lastContacts(engagementIds: readonly string[]): Promise<Map<string, string>> {
    const last = new Map<string, string>();
    for (let at = 0; at < engagementIds.length; at += 500) {
      const chunk = engagementIds.slice(at, at + 500);
      const rows = await this.executor
        .selectFrom('engagements')
        .select((eb) => [
          'engagements.id as engagementId',
          eb
            .selectFrom('interactions')
            .select('interactions.date')
            .where('interactions.organization_id', '=', this.orgId)
            .whereRef('interactions.engagement_id', '=', 'engagements.id')
            .where('interactions.deleted_at', 'is', null)
            .orderBy('interactions.date', 'desc')
            .limit(1)
            .as('lastDate'),
        ])
        .where('engagements.organization_id', '=', this.orgId)
        .where('engagements.id', 'in', chunk)
        .execute();
      for (const r of rows) if (r.lastDate) last.set(r.engagementId, r.lastDate);
    }
    return last;
  }

  /** The date of the organization's latest live interaction, or null when it has none. */
  async lastDate(): Promise<string | null> {
    const row = await this.executor
      .selectFrom('interactions')
      .select('date')
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.date ?? null;
  }

  /** Open next steps of live engagements, due before `before` and from `from` (inclusive) when given. */
  #due(due: { from?: string; before: string }, engagementIds?: readonly string[]) {
    let query = this.executor
      .selectFrom('interaction_next_steps')
      .where('organization_id', '=', this.orgId)
      // A step without a due date is never before anything (NULL < x is not true). Saying `is not null` as
      // well would let SQLite seek the index from NULL rather than from `from`, reading every step.
      .where('due_date', '<', due.before)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('engagements as e')
            .select('e.id')
            .whereRef('e.id', '=', 'interaction_next_steps.engagement_id')
            .where('e.deleted_at', 'is', null),
        ),
      );
    if (due.from) query = query.where('due_date', '>=', due.from);
    if (engagementIds) query = query.where('engagement_id', 'in', [...engagementIds]);
    return query;
  }

  /**
   * Open next steps of live engagements due from `from` (inclusive; any time when omitted) to before
   * `before`, soonest due first, at most `limit` of them, of the given engagements (all when omitted);
   * read by the due-date index.
   */
  async nextStepsDueFirst(
    due: { from?: string; before: string },
    options: { engagementIds?: readonly string[]; limit: number },
  ): Promise<IndexedNextStep[]> {
    const { engagementIds, limit } = options;
    if (engagementIds && engagementIds.length === 0) return [];
    const rows = await this.#due(due, engagementIds)
      .selectAll('interaction_next_steps')
      .orderBy('due_date')
      .orderBy('interaction_id')
      .orderBy('position')
      .limit(limit)
      .execute();
    return rows.map(nextStepFromRow);
  }

  /**
   * As `nextStepsDueFirst`, and how many there are in all. The count reads every step in the range:
   * for the whole organization's overdue steps, sum `overdueByOwner` instead.
   */
  async nextStepsDue(
    due: { from?: string; before: string },
    options: { engagementIds?: readonly string[]; limit: number },
  ): Promise<{ steps: IndexedNextStep[]; total: number }> {
    const { engagementIds } = options;
    if (engagementIds && engagementIds.length === 0) return { steps: [], total: 0 };
    const [steps, count] = await Promise.all([
      this.nextStepsDueFirst(due, options),
      this.#due(due, engagementIds)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst(),
    ]);
    return { steps, total: Number(count?.n ?? 0) };
  }

  /** Open next steps due before `today` of each of the given engagements (those with none are absent). */
  async overdueCounts(engagementIds: readonly string[], today: string): Promise<Map<string, number>> {
    if (engagementIds.length === 0) return new Map();
    const rows = await this.executor
      .selectFrom('interaction_next_steps')
      .select((eb) => ['engagement_id', eb.fn.countAll<number | string>().as('n')])
      .where('organization_id', '=', this.orgId)
      .where('engagement_id', 'in', [...engagementIds])
      .where('due_date', '<', today)
      .groupBy('engagement_id')
      .execute();
    return new Map(rows.map((r) => [r.engagement_id, Number(r.n)]));
  }

  /**
   * Open next steps of live engagements due before `today`, counted by owner (as written on the step),
   * the most first, with each owner's oldest due date. Read without touching every step: the steps due
   * in months before today's are summed from `organization_next_step_due_month` (a few rows per month),
   * those due earlier this month are counted from the due-date index, and each owner's oldest open step
   * is one seek of the (organization, owner, due date) index.
   */
  async overdueByOwner(today: string): Promise<{ owner: string; count: number; oldestDue: string }[]> {
    const month = calendarMonth(today);
    const [earlier, thisMonth] = await Promise.all([
      this.executor
        .selectFrom('organization_next_step_due_month')
        .select((eb) => ['owner', eb.fn.sum<number | string>('open_steps').as('n')])
        .where('organization_id', '=', this.orgId)
        .where('due_month', '<', month)
        .groupBy('owner')
        .execute(),
      this.#due({ from: `${month}-01`, before: today })
        .select((eb) => ['owner', eb.fn.countAll<number | string>().as('n')])
        .groupBy('owner')
        .execute(),
    ]);
    const counts = new Map<string, number>();
    for (const r of [...earlier, ...thisMonth]) counts.set(r.owner, (counts.get(r.owner) ?? 0) + Number(r.n));
    const owners: { owner: string; count: number; oldestDue: string }[] = [];
    for (const [owner, count] of counts) {
      if (count <= 0) continue;
      const oldest = await this.#due({ before: today })
        .select('due_date')
        .where('owner', '=', owner)
        .orderBy('due_date')
        .limit(1)
        .executeTakeFirst();
      if (oldest?.due_date) owners.push({ owner, count, oldestDue: oldest.due_date });
    }
    return owners.sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner));
  }

  /** Every live interaction of an engagement (or of the organization), for recomputation and checks. */
  /**
   * Live interactions oldest first (date, then id), read a page at a time so that any number can be
   * streamed without holding them all; `from` and `to` are inclusive dates.
   */
  async *eachLive(
    filter: { engagementId?: string | undefined; from?: string | undefined; to?: string | undefined } = {},
    pageSize = 1000,
  ): AsyncGenerator<Interaction> {
    let after: { date: string; id: string } | undefined;
    for (;;) {
      let query = this.executor
        .selectFrom('interactions')
        .selectAll()
        .where('organization_id', '=', this.orgId)
        .where('deleted_at', 'is', null);
      if (filter.engagementId) query = query.where('engagement_id', '=', filter.engagementId);
      if (filter.from) query = query.where('date', '>=', filter.from);
      if (filter.to) query = query.where('date', '<=', filter.to);
      if (after) {
        const { date, id } = after;
        // A row value seeks the index (see `list`).
        query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('date', 'id'), '>', tuple(date, id)));
      }
      const rows = await query.orderBy('date').orderBy('id').limit(pageSize).execute();
      for (const row of rows) yield interactionMapping.fromRow(row as never);
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = { date: last.date, id: last.id };
    }
  }

  /**
   * Live interactions newest first (date, then id), `pageSize` at a time, with only the fields the long
   * and wide layouts write: what their exports read. A prepared query seeks the (organization, date, id)
   * index from where the last page ended; the next steps and the record's metadata are not read.
   */
  async *livePagesForTables(pageSize: number): AsyncGenerator<TableInteraction[]> {
    let after: { date: string; id: string } | null = null;
    for (;;) {
      const page = await this.tablePage(pageSize, after);
      if (page.length === 0) return;
      yield page;
      if (page.length < pageSize) return;
      const last = page[page.length - 1]!;
      after = { date: last.date, id: last.id };
    }
  }

  /** One page of `livePagesForTables`: the first, or the one after the interaction `after`. */
  private async tablePage(pageSize: number, after: { date: string; id: string } | null): Promise<TableInteraction[]> {
    const columns = [
      'id',
      'engagement_id',
      'date',
      'time',
      'duration_minutes',
      'mode',
      'stage_id',
      'participants',
      'components',
      'principles',
      'notes',
    ] as const;
    const { rows } = after
      ? await runPrepared(
          this.executor,
          `interactions for tables, ${pageSize} after`,
          (db, value) =>
            db
              .selectFrom('interactions')
              .select(columns)
              .where('organization_id', '=', value('organization') as string)
              .where('deleted_at', 'is', null)
              // A row value seeks the index (see `list`).
              .where(({ eb, refTuple, tuple }) =>
                eb(refTuple('date', 'id'), '<', tuple(value('date') as string, value('id') as string)),
              )
              .orderBy('date', 'desc')
              .orderBy('id', 'desc')
              .limit(pageSize),
          { organization: this.orgId, date: after.date, id: after.id },
        )
      : await runPrepared(
          this.executor,
          `interactions for tables, ${pageSize}`,
          (db, value) =>
            db
              .selectFrom('interactions')
              .select(columns)
              .where('organization_id', '=', value('organization') as string)
              .where('deleted_at', 'is', null)
              .orderBy('date', 'desc')
              .orderBy('id', 'desc')
              .limit(pageSize),
          { organization: this.orgId },
        );
    return rows.map((r): TableInteraction => ({
      id: r.id,
      engagementId: r.engagement_id,
      date: r.date,
      time: r.time,
      durationMinutes: Number(r.duration_minutes),
      mode: r.mode as InteractionMode,
      stageId: r.stage_id,
      participants: readJsonColumn(Interaction.shape.participants, r.participants, at(r, 'participants')),
      components: readJsonColumn(Interaction.shape.components, r.components, at(r, 'components')),
      principles: readJsonColumn(Interaction.shape.principles, r.principles, at(r, 'principles')),
      notes: r.notes,
    }));
  }

  /** How many live interactions the organization has. */
  async countLive(): Promise<number> {
    const row = await this.executor
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async allLive(engagementId?: string): Promise<Interaction[]> {
    let query = this.executor
      .selectFrom('interactions')
      .selectAll()
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('date').orderBy('id').execute();
    return rows.map((r) => interactionMapping.fromRow(r as never));
  }
}
