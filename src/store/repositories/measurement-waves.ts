import type { InstrumentRef, Wave, WaveInput } from '../../domain/measurement/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import type { MeasurementWavesTable } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';

const toWave = (r: MeasurementWavesTable): Wave => ({
  id: r.id,
  engagementId: r.engagement_id,
  name: r.name,
  kind: r.kind as Wave['kind'],
  scheduledOn: r.scheduled_on,
  instruments: JSON.parse(r.instruments) as InstrumentRef[],
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Measurement waves (occasions) of one organization's engagements. */
export class WaveRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  async insert(engagementId: string, input: WaveInput, actor: string | null): Promise<Wave> {
    const row: MeasurementWavesTable = {
      id: newId(),
      organization_id: this.organizationId,
      engagement_id: engagementId,
      name: input.name,
      kind: input.kind,
      scheduled_on: input.scheduledOn,
      instruments: JSON.stringify(input.instruments),
      created_at: nowIso(),
      created_by: actor,
      deleted_at: null,
    };
    await this.db.insertInto('measurement_waves').values(row).execute();
    return toWave(row);
  }

  async find(id: string): Promise<Wave | undefined> {
    const row = await this.db.selectFrom('measurement_waves').selectAll().where('organization_id', '=', this.organizationId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row && toWave(row);
  }

  async require(id: string): Promise<Wave> {
    const wave = await this.find(id);
    if (!wave) throw notFound('Wave');
    return wave;
  }

  /** The waves of an engagement, by scheduled date (ad-hoc ones by creation) . */
  async listForEngagement(engagementId: string): Promise<Wave[]> {
    const rows = await this.db.selectFrom('measurement_waves').selectAll().where('organization_id', '=', this.organizationId).where('engagement_id', '=', engagementId).where('deleted_at', 'is', null).orderBy('created_at').execute();
    return rows.map(toWave).sort((a, b) => (a.scheduledOn ?? a.createdAt.slice(0, 10)).localeCompare(b.scheduledOn ?? b.createdAt.slice(0, 10)));
  }

  /** Waves that use a given instrument, across the organization. */
  async listUsing(instrumentId: string): Promise<Wave[]> {
    const rows = await this.db.selectFrom('measurement_waves').selectAll().where('organization_id', '=', this.organizationId).where('deleted_at', 'is', null).execute();
    return rows.map(toWave).filter((w) => w.instruments.some((i) => i.instrumentId === instrumentId));
  }

  async softDelete(id: string): Promise<void> {
    await this.db.updateTable('measurement_waves').set({ deleted_at: nowIso() }).where('organization_id', '=', this.organizationId).where('id', '=', id).execute();
  }
}
