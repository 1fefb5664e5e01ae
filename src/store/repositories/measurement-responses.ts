import { SurveyResponse, type SurveyAnswers } from '../../domain/measurement/schemas.ts';
import type { Level } from '../../domain/support/schemas.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { MeasurementResponsesTable } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Executor } from './executor.ts';

const at = (r: { id: string }, column: string) => ({ table: 'measurement_responses', column, id: r.id });

const toResponse = (r: MeasurementResponsesTable): SurveyResponse => ({
  id: r.id,
  waveId: r.wave_id,
  engagementId: r.engagement_id,
  contactId: r.contact_id,
  anonymous: r.anonymous === 1,
  level: r.level as Level,
  partnerId: r.partner_id,
  viaLink: r.token_hash !== null,
  status: r.status as SurveyResponse['status'],
  answers: readJsonColumn(SurveyResponse.shape.answers, r.answers, at(r, 'answers')),
  instrumentVersions: readJsonColumn(
    SurveyResponse.shape.instrumentVersions,
    r.instrument_versions,
    at(r, 'instrument_versions'),
  ),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  submittedAt: r.submitted_at,
  language: r.language,
});

export interface NewResponse {
  waveId: string;
  engagementId: string;
  tokenHash: string | null;
  anonymous: boolean;
  contactId: string | null;
  partnerId: string | null;
  level: Level;
  answers: SurveyAnswers;
  instrumentVersions: Record<string, string>;
  expiresAt: string | null;
  submitted: boolean;
}

/** Responses to one organization's measurement waves, answered through a survey link or entered by staff. */
export class ResponseRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  async insert(input: NewResponse, actor: string | null): Promise<SurveyResponse> {
    const now = nowIso();
    const row: MeasurementResponsesTable = {
      id: newId(),
      organization_id: this.organizationId,
      wave_id: input.waveId,
      engagement_id: input.engagementId,
      token_hash: input.tokenHash,
      anonymous: input.anonymous ? 1 : 0,
      contact_id: input.anonymous ? null : input.contactId,
      partner_id: input.partnerId,
      level: input.level,
      status: input.submitted ? 'submitted' : 'open',
      answers: JSON.stringify(input.answers),
      instrument_versions: JSON.stringify(input.instrumentVersions),
      created_at: now,
      created_by: actor,
      updated_at: now,
      expires_at: input.expiresAt,
      revoked_at: null,
      submitted_at: input.submitted ? now : null,
      language: null,
    };
    await this.db.insertInto('measurement_responses').values(row).execute();
    return toResponse(row);
  }

  async find(id: string): Promise<SurveyResponse | undefined> {
    const row = await this.db
      .selectFrom('measurement_responses')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toResponse(row);
  }

  async require(id: string): Promise<SurveyResponse> {
    const response = await this.find(id);
    if (!response) throw notFound('Response');
    return response;
  }

  async listForWave(waveId: string): Promise<SurveyResponse[]> {
    const rows = await this.db
      .selectFrom('measurement_responses')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .where('wave_id', '=', waveId)
      .orderBy('id')
      .execute();
    return rows.map(toResponse);
  }

  /** The level each response to the given waves was given at, by response id; reads no answers. */
  async levelsForWaves(waveIds: readonly string[]): Promise<Map<string, string>> {
    if (waveIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('measurement_responses')
      .select(['id', 'level'])
      .where('organization_id', '=', this.organizationId)
      .where('wave_id', 'in', [...waveIds])
      .execute();
    return new Map(rows.map((r) => [r.id, r.level]));
  }

  /** Submitted responses holding answers to an instrument, for recomputing its scores. */
  async listSubmittedWith(instrumentId: string): Promise<SurveyResponse[]> {
    const rows = await this.db
      .selectFrom('measurement_responses')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .where('status', '=', 'submitted')
      .execute();
    return rows.map(toResponse).filter((r) => instrumentId in r.instrumentVersions);
  }

  /** Replaces the answers of an open response; refused once it is submitted. */
  async saveAnswers(id: string, answers: SurveyAnswers): Promise<string> {
    const now = nowIso();
    const result = await this.db
      .updateTable('measurement_responses')
      .set({ answers: JSON.stringify(answers), updated_at: now })
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw conflict('This survey has already been submitted', [{ path: 'token', message: 'has been used' }]);
    return now;
  }

  /** Keeps the language the respondent chose with an open response; refused once it is submitted. */
  async setLanguage(id: string, language: string): Promise<void> {
    const result = await this.db
      .updateTable('measurement_responses')
      .set({ language })
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw conflict('This survey has already been submitted', [{ path: 'token', message: 'has been used' }]);
  }

  /** Marks an open response submitted; only one submission can win, even when two race. */
  async markSubmitted(id: string): Promise<string> {
    const now = nowIso();
    const result = await this.db
      .updateTable('measurement_responses')
      .set({ status: 'submitted', submitted_at: now, updated_at: now })
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw conflict('This survey has already been submitted', [{ path: 'token', message: 'has been used' }]);
    return now;
  }

  /**
   * Gives an open link a new token (a reminder carries a fresh link, since only hashes are kept); the
   * old link stops working and the answers saved so far stay. False when the response is no longer open.
   */
  async replaceToken(id: string, tokenHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('measurement_responses')
      .set({ token_hash: tokenHash, updated_at: nowIso() })
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revoke(id: string): Promise<SurveyResponse> {
    await this.db
      .updateTable('measurement_responses')
      .set({ revoked_at: nowIso() })
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    return this.require(id);
  }
}

/** Finds the response a survey link's token opens, in whichever organization it belongs to. Only the token's hash is compared. */
export async function findResponseByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<{ organizationId: string; response: SurveyResponse } | undefined> {
  const row = await db
    .selectFrom('measurement_responses')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { organizationId: row.organization_id, response: toResponse(row) };
}
