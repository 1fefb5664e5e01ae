import { Wave, type WaveInput } from '../../domain/measurement/schemas.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { VersionedRepository, type VersionedMapping } from './versioned.ts';

/** What a wave stores: what the planner enters, and the engagement it belongs to. */
export type WaveData = WaveInput & { engagementId: string };

const at = (r: { id: string }, column: string) => ({ table: 'measurement_waves', column, id: r.id });

export const waveMapping: VersionedMapping<'measurement_waves', Wave, WaveData> = {
  table: 'measurement_waves',
  entity: 'measurement_wave',
  label: 'Wave',
  columns: (w) => ({
    engagement_id: w.engagementId,
    name: w.name,
    kind: w.kind,
    scheduled_on: w.scheduledOn,
    instruments: JSON.stringify(w.instruments),
    levels: JSON.stringify(w.levels),
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    engagementId: r.engagement_id as string,
    name: r.name as string,
    kind: r.kind as Wave['kind'],
    scheduledOn: r.scheduled_on as string | null,
    instruments: readJsonColumn(Wave.shape.instruments, r.instruments as string, at(r, 'instruments')),
    levels: readJsonColumn(Wave.shape.levels, r.levels as string, at(r, 'levels')),
  }),
};

const waveDate = (w: Wave): string => w.scheduledOn ?? w.createdAt.slice(0, 10);

/** Measurement waves (occasions) of one organization's engagements: versioned records with history. */
export class WaveRepository extends VersionedRepository<'measurement_waves', Wave, WaveData> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, waveMapping);
  }

  /** The waves of an engagement by date (ad-hoc ones by their creation day). */
  async listForEngagement(engagementId: string, options: { includeDeleted?: boolean } = {}): Promise<Wave[]> {
    let query = this.executor
      .selectFrom('measurement_waves')
      .selectAll()
      .where('organization_id', '=', this.orgId)
      .where('engagement_id', '=', engagementId);
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => waveMapping.fromRow(r as never)).sort((a, b) => waveDate(a).localeCompare(waveDate(b)));
  }

  /** Live waves scheduled from `from` to `to` (inclusive), by date; read by the scheduled-date index. */
  async scheduledBetween(from: string, to: string): Promise<Wave[]> {
    const rows = await this.executor
      .selectFrom('measurement_waves')
      .selectAll()
      .where('organization_id', '=', this.orgId)
      .where('scheduled_on', '>=', from)
      .where('scheduled_on', '<=', to)
      .where('deleted_at', 'is', null)
      .orderBy('scheduled_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => waveMapping.fromRow(r as never));
  }

  /** The latest date on or before `today` on which a live wave was scheduled, or null. */
  async lastScheduledOnOrBefore(today: string): Promise<string | null> {
    const row = await this.executor
      .selectFrom('measurement_waves')
      .select('scheduled_on')
      .where('organization_id', '=', this.orgId)
      .where('scheduled_on', '<=', today)
      .where('deleted_at', 'is', null)
      .orderBy('scheduled_on', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.scheduled_on ?? null;
  }

  /** Waves that use a given instrument, across the organization. */
  async listUsing(instrumentId: string): Promise<Wave[]> {
    const rows = await this.executor
      .selectFrom('measurement_waves')
      .selectAll()
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null)
      .execute();
    return rows
      .map((r) => waveMapping.fromRow(r as never))
      .filter((w) => w.instruments.some((i) => i.instrumentId === instrumentId));
  }
}
