import type { StoredScore } from '../../domain/measurement/schemas.ts';
import type { MeasurementScoresTable } from '../schema.ts';
import { newId } from '../ids.ts';
import type { Executor } from './executor.ts';

const toScore = (r: MeasurementScoresTable): StoredScore => ({
  responseId: r.response_id,
  waveId: r.wave_id,
  instrumentId: r.instrument_id,
  answeredVersion: r.answered_version,
  scoredVersion: r.scored_version,
  scoreId: r.score_id,
  name: r.name,
  outcomeId: r.outcome_id,
  level: r.level,
  partnerId: r.partner_id,
  contactId: r.contact_id,
  value: r.value === null ? null : Number(r.value),
  missingReason: r.missing_reason,
  answered: r.answered,
  itemCount: r.item_count,
  prorated: r.prorated === 1,
  computedAt: r.computed_at,
});

/** Scores computed from submitted responses; replaced whole for a response and instrument when recomputed. */
export class ScoreRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** Replaces the scores of one response on one instrument. */
  async replace(responseId: string, instrumentId: string, engagementId: string, scores: StoredScore[]): Promise<void> {
    await this.db
      .deleteFrom('measurement_scores')
      .where('organization_id', '=', this.organizationId)
      .where('response_id', '=', responseId)
      .where('instrument_id', '=', instrumentId)
      .execute();
    if (scores.length === 0) return;
    await this.db
      .insertInto('measurement_scores')
      .values(
        scores.map((s) => ({
          id: newId(),
          organization_id: this.organizationId,
          response_id: s.responseId,
          engagement_id: engagementId,
          wave_id: s.waveId,
          instrument_id: s.instrumentId,
          answered_version: s.answeredVersion,
          scored_version: s.scoredVersion,
          score_id: s.scoreId,
          name: s.name,
          outcome_id: s.outcomeId,
          level: s.level,
          partner_id: s.partnerId,
          contact_id: s.contactId,
          value: s.value,
          missing_reason: s.missingReason,
          answered: s.answered,
          item_count: s.itemCount,
          prorated: s.prorated ? 1 : 0,
          computed_at: s.computedAt,
        })),
      )
      .execute();
  }

  async listForEngagement(engagementId: string): Promise<StoredScore[]> {
    const rows = await this.db
      .selectFrom('measurement_scores')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .where('engagement_id', '=', engagementId)
      .orderBy('id')
      .execute();
    return rows.map(toScore);
  }

  async listForResponse(responseId: string): Promise<StoredScore[]> {
    const rows = await this.db
      .selectFrom('measurement_scores')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .where('response_id', '=', responseId)
      .orderBy('id')
      .execute();
    return rows.map(toScore);
  }
}
