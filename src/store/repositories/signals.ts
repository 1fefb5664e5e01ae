import { sql, type ExpressionBuilder } from 'kysely';
import { StagePlan, type PlannedEmphasis } from '../../domain/plans/schemas.ts';
import { Engagement } from '../../domain/support/schemas.ts';
import type { DatabaseSchema } from '../schema.ts';
import { defaultSignalSettings, SignalSettings, type StoredSignalSettings } from '../../domain/signals/schemas.ts';
import { conflict } from '../../domain/errors.ts';
import { newId, nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';
import { recordHistory } from './history.ts';
import { readJsonColumn } from '../json-column.ts';

export interface SignalAcknowledgement {
  id: string;
  engagementId: string;
  key: string;
  note: string;
  by: string | null;
  at: string;
}

/** An engagement active on the day, with what the contact rules read of it. */
export interface ActiveEngagement {
  engagementId: string;
  startDate: string;
  endDate: string | null;
  stages: { stageId: string; startedOn: string }[];
  modelId: string;
  modelVersion: string;
  lastContact: string | null;
  overdueNextSteps: { count: number; oldest: { text: string; dueDate: string } | null };
}

/** Minutes of one component in one month of an engagement, from the rollup. */
export interface ComponentMinutes {
  engagementId: string;
  calendarMonth: string;
  relationshipMonth: number;
  componentId: string;
  minutes: number;
}

const componentMinutes = (r: {
  engagement_id: string;
  calendar_month: string;
  relationship_month: number;
  component_id: string;
  minutes: number;
}): ComponentMinutes => ({
  engagementId: r.engagement_id,
  calendarMonth: r.calendar_month,
  relationshipMonth: Number(r.relationship_month),
  componentId: r.component_id,
  minutes: Number(r.minutes),
});

/** The planned emphasis of one stage plan. */
export interface PlanEmphasis {
  engagementId: string;
  stageId: string;
  emphasis: PlannedEmphasis[];
}

/** One score's mean per wave, for the score rules. */
export interface WaveScore {
  engagementId: string;
  instrumentId: string;
  scoreId: string;
  name: string;
  waveId: string;
  /** The wave's scheduled date, else the day it was created. */
  on: string;
  value: number;
}

/** The reads signals need across an organization, its thresholds, and the acknowledgements written. */
export class SignalRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** The organization's thresholds; the defaults (version 0) until an administrator saves some. */
  async settings(): Promise<StoredSignalSettings> {
    const row = await this.db
      .selectFrom('signal_settings')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .executeTakeFirst();
    if (!row) return { settings: defaultSignalSettings, version: 0, updatedAt: null, updatedBy: null };
    // Settings saved before a rule existed take that rule's defaults.
    const saved = readJsonColumn(SignalSettings.partial(), row.settings, {
      table: 'signal_settings',
      column: 'settings',
      id: row.organization_id,
    });
    return {
      settings: SignalSettings.parse({ ...defaultSignalSettings, ...saved }),
      version: Number(row.version),
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  /** Saves thresholds over `expectedVersion` (0 for the defaults); a stale save is refused with 409. History keeps each change. */
  async saveSettings(settings: SignalSettings, expectedVersion: number, actor: string): Promise<StoredSignalSettings> {
    const before = await this.settings();
    if (before.version !== expectedVersion)
      throw conflict(
        `The signal settings were changed by someone else (now version ${before.version}, you edited version ${expectedVersion})`,
        [{ path: 'version', message: `is ${expectedVersion}; the current version is ${before.version}` }],
      );
    const now = nowIso();
    const version = before.version + 1;
    if (before.version === 0)
      await this.db
        .insertInto('signal_settings')
        .values({
          organization_id: this.organizationId,
          version,
          updated_at: now,
          updated_by: actor,
          settings: JSON.stringify(settings),
        })
        .execute();
    else {
      const result = await this.db
        .updateTable('signal_settings')
        .set({ version, updated_at: now, updated_by: actor, settings: JSON.stringify(settings) })
        .where('organization_id', '=', this.organizationId)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1)
        throw conflict('The signal settings were changed by someone else; reload and try again', [
          { path: 'version', message: 'is stale' },
        ]);
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const rule of Object.keys(settings) as (keyof SignalSettings)[])
      if (JSON.stringify(before.settings[rule]) !== JSON.stringify(settings[rule]))
        changes[rule] = [before.settings[rule], settings[rule]];
    await recordHistory(this.db, {
      organizationId: this.organizationId,
      entity: 'signal_settings',
      entityId: this.organizationId,
      action: before.version === 0 ? 'create' : 'update',
      actor,
      changes,
      version,
      snapshot: settings,
    });
    return { settings, version, updatedAt: now, updatedBy: actor };
  }

  async acknowledge(engagementId: string, key: string, note: string, actor: string): Promise<SignalAcknowledgement> {
    const acknowledgement = { id: newId(), engagementId, key, note, by: actor, at: nowIso() };
    await this.db
      .insertInto('signal_acknowledgements')
      .values({
        id: acknowledgement.id,
        organization_id: this.organizationId,
        engagement_id: engagementId,
        signal_key: key,
        note,
        acknowledged_by: actor,
        acknowledged_at: acknowledgement.at,
      })
      .execute();
    await recordHistory(this.db, {
      organizationId: this.organizationId,
      entity: 'signal_acknowledgement',
      entityId: acknowledgement.id,
      action: 'create',
      actor,
      changes: { engagementId, key, note },
      snapshot: acknowledgement,
    });
    return acknowledgement;
  }

  /** Acknowledgements of one engagement, or of the organization, oldest first. */
  async acknowledgements(engagementId?: string): Promise<SignalAcknowledgement[]> {
    let query = this.db
      .selectFrom('signal_acknowledgements')
      .selectAll()
      .where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('acknowledged_at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      engagementId: r.engagement_id,
      key: r.signal_key,
      note: r.note,
      by: r.acknowledged_by,
      at: r.acknowledged_at,
    }));
  }

  /**
   * The live engagements active on `today` (started, not ended; of one, when given), each with the date
   * of its last live interaction and its open next steps due before `dueBefore` (how many, and the
   * oldest by due date, then in the order they were written). Correlated seeks of the (engagement,
   * date) interaction index and the (engagement, due date) next-step index, so the cost grows with the
   * engagements, not with their history.
   */
  async activeEngagements(today: string, dueBefore: string, engagementId?: string): Promise<ActiveEngagement[]> {
    const org = this.organizationId;
    const overdueSteps = (eb: ExpressionBuilder<DatabaseSchema, 'engagements'>) =>
      eb
        .selectFrom('interaction_next_steps as s')
        .where('s.organization_id', '=', org)
        .whereRef('s.engagement_id', '=', 'engagements.id')
        .where('s.due_date', '<', dueBefore);
    const oldestStep = (eb: ExpressionBuilder<DatabaseSchema, 'engagements'>) =>
      overdueSteps(eb)
        .orderBy('s.due_date')
        .orderBy('s.interaction_date')
        .orderBy('s.interaction_id')
        .orderBy('s.position')
        .limit(1);
    let query = this.db
      .selectFrom('engagements')
      .select((eb) => [
        'engagements.id',
        'engagements.start_date',
        'engagements.end_date',
        'engagements.stages',
        'engagements.model_id',
        'engagements.model_version',
        eb
          .selectFrom('interactions as i')
          .select('i.date')
          .where('i.organization_id', '=', org)
          .whereRef('i.engagement_id', '=', 'engagements.id')
          .where('i.deleted_at', 'is', null)
          .orderBy('i.date', 'desc')
          .limit(1)
          .as('last_contact'),
        overdueSteps(eb)
          .select((e) => e.fn.countAll<number | string>().as('n'))
          .as('overdue'),
        oldestStep(eb).select('s.due_date').as('oldest_due'),
        oldestStep(eb).select('s.text').as('oldest_text'),
      ])
      .where('engagements.organization_id', '=', org)
      .where('engagements.deleted_at', 'is', null)
      .where('engagements.start_date', '<=', today)
      .where((eb) => eb.or([eb('engagements.end_date', 'is', null), eb('engagements.end_date', '>=', today)]));
    if (engagementId) query = query.where('engagements.id', '=', engagementId);
    // The order of the engagement list, so signals come in the order the engagements are shown.
    const rows = await query.orderBy('engagements.start_date', 'desc').orderBy('engagements.id').execute();
    return rows.map((r) => ({
      engagementId: r.id,
      startDate: r.start_date,
      endDate: r.end_date,
      stages: readJsonColumn(Engagement.shape.stages, r.stages, { table: 'engagements', column: 'stages', id: r.id }),
      modelId: r.model_id,
      modelVersion: r.model_version,
      lastContact: r.last_contact ?? null,
      overdueNextSteps:
        r.oldest_due && r.oldest_text !== null && r.oldest_text !== undefined
          ? { count: Number(r.overdue), oldest: { text: r.oldest_text, dueDate: r.oldest_due } }
          : { count: 0, oldest: null },
    }));
  }

  /**
   * Rollup rows with minutes of any of `componentIds` in relationship months 1 to `months` (of one
   * engagement, when given): what the foundational rule needs, read by the (component, relationship
   * month) index.
   */
  async earlyComponentMonths(
    months: number,
    componentIds: readonly string[],
    engagementId?: string,
  ): Promise<ComponentMinutes[]> {
    if (componentIds.length === 0) return [];
    let query = this.db
      .selectFrom('component_month_dose')
      .select(['engagement_id', 'calendar_month', 'relationship_month', 'component_id', 'minutes'])
      .where('organization_id', '=', this.organizationId)
      .where('component_id', 'in', [...componentIds])
      .where('relationship_month', '>=', 1)
      .where('relationship_month', '<=', months)
      .where('minutes', '>', 0);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    return (await query.execute()).map(componentMinutes);
  }

  /** Rollup rows of the given calendar months (of one engagement, when given), only the columns the rules read. */
  async componentMonthsIn(calendarMonths: readonly string[], engagementId?: string): Promise<ComponentMinutes[]> {
    if (calendarMonths.length === 0) return [];
    let query = this.db
      .selectFrom('component_month_dose')
      .select(['engagement_id', 'calendar_month', 'relationship_month', 'component_id', 'minutes'])
      .where('organization_id', '=', this.organizationId)
      .where('calendar_month', 'in', [...calendarMonths]);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    return (await query.execute()).map(componentMinutes);
  }

  /** The planned emphasis of each live stage plan (of one engagement, when given). */
  async planEmphasis(engagementId?: string): Promise<PlanEmphasis[]> {
    let query = this.db
      .selectFrom('stage_plans')
      .select(['id', 'engagement_id', 'stage_id', 'emphasis'])
      .where('organization_id', '=', this.organizationId)
      .where('deleted_at', 'is', null);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('engagement_id').orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      stageId: r.stage_id,
      emphasis: readJsonColumn(StagePlan.shape.emphasis, r.emphasis, {
        table: 'stage_plans',
        column: 'emphasis',
        id: r.id,
      }),
    }));
  }

  /** Mean of each score per wave for the given instruments (of one engagement, when given), from live waves. */
  async waveScores(instrumentIds: readonly string[], engagementId?: string): Promise<WaveScore[]> {
    if (instrumentIds.length === 0) return [];
    let query = this.db
      .selectFrom('measurement_scores as s')
      .innerJoin('measurement_waves as w', (join) =>
        join.onRef('w.id', '=', 's.wave_id').onRef('w.organization_id', '=', 's.organization_id'),
      )
      .select([
        's.engagement_id',
        's.instrument_id',
        's.score_id',
        sql<string>`max(s.name)`.as('name'),
        's.wave_id',
        sql<string>`coalesce(w.scheduled_on, substr(w.created_at, 1, 10))`.as('on'),
        sql<number>`avg(s.value)`.as('value'),
      ])
      .where('s.organization_id', '=', this.organizationId)
      .where('w.deleted_at', 'is', null)
      .where('s.value', 'is not', null)
      .where('s.instrument_id', 'in', [...instrumentIds]);
    if (engagementId) query = query.where('s.engagement_id', '=', engagementId);
    const rows = await query
      .groupBy(['s.engagement_id', 's.instrument_id', 's.score_id', 's.wave_id', 'w.scheduled_on', 'w.created_at'])
      .execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      instrumentId: r.instrument_id,
      scoreId: r.score_id,
      name: r.name,
      waveId: r.wave_id,
      on: r.on,
      value: Number(r.value),
    }));
  }
}
