import { sql } from 'kysely';
import { defaultSignalSettings, SignalSettings, type StoredSignalSettings } from '../../domain/signals/schemas.ts';
import { conflict } from '../../domain/errors.ts';
import { newId, nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';
import { recordHistory } from './history.ts';

export interface SignalAcknowledgement {
  id: string;
  engagementId: string;
  key: string;
  note: string;
  by: string | null;
  at: string;
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
    const saved = JSON.parse(row.settings) as Partial<SignalSettings>;
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

  /** Date of the last live interaction of each engagement (of one, when given). */
  async lastContacts(engagementId?: string): Promise<Map<string, string>> {
    let query = this.db
      .selectFrom('interactions')
      .select(['engagement_id', sql<string>`max(date)`.as('last')])
      .where('organization_id', '=', this.organizationId)
      .where('deleted_at', 'is', null);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.groupBy('engagement_id').execute();
    return new Map(rows.map((r) => [r.engagement_id, r.last]));
  }

  /** Component minutes of the first `months` months of each relationship (of one engagement, when given), from the rollups. */
  async earlyComponentMonths(
    months: number,
    engagementId?: string,
  ): Promise<
    { engagementId: string; calendarMonth: string; relationshipMonth: number; componentId: string; minutes: number }[]
  > {
    let query = this.db
      .selectFrom('component_month_dose')
      .select(['engagement_id', 'calendar_month', 'relationship_month', 'component_id', 'minutes'])
      .where('organization_id', '=', this.organizationId)
      .where('relationship_month', '<=', months);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      calendarMonth: r.calendar_month,
      relationshipMonth: Number(r.relationship_month),
      componentId: r.component_id,
      minutes: Number(r.minutes),
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
