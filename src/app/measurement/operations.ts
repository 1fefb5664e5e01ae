import { checkAnswers, unansweredItems } from '../../domain/measurement/answers.ts';
import { parseRedcapRecords } from '../../domain/measurement/redcap-records.ts';
import type { Instrument } from '../../domain/measurement/instrument.ts';
import { linkStatus, progressCounts } from '../../domain/measurement/link-status.ts';
import type {
  DirectResponseInput,
  InstrumentRef,
  InvitationInput,
  SurveyAnswers,
  SurveyResponse,
  Wave,
  WaveInput,
  WaveProgress,
  WaveResponse,
} from '../../domain/measurement/schemas.ts';
import { conflict, invalid, type ErrorDetail } from '../../domain/errors.ts';
import type { Level } from '../../domain/support/schemas.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { digestSecret, randomSecret } from '../accounts/secrets.ts';
import { requireInstrument } from './instruments.ts';
import { scoreResponse } from './scores.ts';

/** Measurement use cases: waves of an engagement, survey invitations, responses entered by staff. */

/** Problems with a wave's instruments: every version must exist here, and each instrument appear once. */
async function checkWave(tenant: TenantStore, input: WaveInput): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const [i, ref] of input.instruments.entries()) {
    try {
      await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`);
    } catch {
      problems.push({
        path: `instruments[${i}]`,
        message: `instrument ${ref.instrumentId}@${ref.version} is not available in this organization`,
      });
    }
  }
  if (new Set(input.instruments.map((i) => i.instrumentId)).size !== input.instruments.length)
    problems.push({ path: 'instruments', message: 'names an instrument more than once' });
  if (problems.length > 0) throw invalid('The wave is not valid', problems);
}

const sameInstruments = (a: readonly InstrumentRef[], b: readonly InstrumentRef[]): boolean =>
  a.length === b.length &&
  a.every((ref) => b.some((other) => other.instrumentId === ref.instrumentId && other.version === ref.version));

/** Plans a measurement occasion for an engagement; every instrument version it names must exist. */
export function createWave(
  store: Store,
  organizationId: string,
  engagementId: string,
  input: WaveInput,
  actor: string,
): Promise<Wave> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.require(engagementId);
    await checkWave(tenant, input);
    return tenant.waves.insert({ ...input, engagementId }, actor);
  });
}

/**
 * Edits a wave (send the version you edited; a stale one gets 409). Once anyone has been invited or has
 * answered, its instruments stay as they are, so every response answers the questions it was given.
 */
export function updateWave(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: WaveInput,
  actor: string,
): Promise<Wave> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.waves.require(id);
    await checkWave(tenant, input);
    const responses = await tenant.responses.listForWave(id);
    if (responses.length > 0 && !sameInstruments(current.instruments, input.instruments)) {
      throw invalid('The instruments of a wave cannot change once it has responses or survey links', [
        {
          path: 'instruments',
          message: `the wave has ${responses.length} response${responses.length === 1 ? '' : 's'} or link${responses.length === 1 ? '' : 's'}; plan a new wave instead`,
        },
      ]);
    }
    const used = new Set(responses.filter((r) => r.revokedAt === null).map((r) => r.level));
    const dropped = [...used].filter((level) => !input.levels.includes(level));
    if (dropped.length > 0)
      throw invalid('A level with responses cannot be removed from the wave', [
        { path: 'levels', message: `still has responses at: ${dropped.join(', ')}` },
      ]);
    return (await tenant.waves.update(id, version, { ...input, engagementId: current.engagementId }, actor)).after;
  });
}

/** Deletes a wave (soft): its links stop working and its scores leave the trajectories until it is restored. */
export function deleteWave(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<Wave> {
  return store.transaction((tx) => tx.tenant(organizationId).waves.softDelete(id, version, actor));
}

export function restoreWave(store: Store, organizationId: string, id: string, actor: string): Promise<Wave> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(id, { includeDeleted: true });
    if (!(await tenant.engagements.find(wave.engagementId)))
      throw invalid('Restore the engagement first', [{ path: 'engagementId', message: 'the engagement is deleted' }]);
    return tenant.waves.restore(id, actor);
  });
}

/** The instruments of a wave, at the versions it pins. */
export async function waveInstruments(tenant: TenantStore, wave: Wave): Promise<Instrument[]> {
  const instruments: Instrument[] = [];
  for (const ref of wave.instruments)
    instruments.push(await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`));
  return instruments;
}

/** Checks answers to a wave's instruments; every problem is named by its path `answers.<instrument>.<item>`. */
export function answerProblems(instruments: readonly Instrument[], answers: SurveyAnswers): ErrorDetail[] {
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const problems: ErrorDetail[] = [];
  for (const [instrumentId, given] of Object.entries(answers)) {
    const instrument = byId.get(instrumentId);
    if (!instrument) problems.push({ path: `answers.${instrumentId}`, message: 'is not an instrument of this survey' });
    else problems.push(...checkAnswers(instrument, given, `answers.${instrumentId}`));
  }
  return problems;
}

/** Required items still unanswered, as problems to show before a submission is accepted. */
export function missingRequired(instruments: readonly Instrument[], answers: SurveyAnswers): ErrorDetail[] {
  return instruments.flatMap((instrument) => {
    const required = new Set(instrument.items.filter((i) => i.required).map((i) => i.id));
    return unansweredItems(instrument, answers[instrument.id] ?? {})
      .filter((id) => required.has(id))
      .map((id) => ({ path: `answers.${instrument.id}.${id}`, message: 'is required' }));
  });
}

async function checkRespondent(
  tenant: TenantStore,
  wave: Wave,
  input: { contactId: string | null; anonymous: boolean; partnerId: string | null; level: Level },
): Promise<void> {
  const problems: ErrorDetail[] = [];
  if (!wave.levels.includes(input.level))
    problems.push({ path: 'level', message: `the wave measures ${wave.levels.join(', ')}, not ${input.level}` });
  if (input.anonymous && input.contactId !== null)
    problems.push({
      path: 'contactId',
      message: 'must be null for an anonymous respondent: anonymous responses store no identity',
    });
  if (input.contactId !== null && !(await tenant.contacts.find(input.contactId)))
    problems.push({ path: 'contactId', message: `no contact "${input.contactId}" in this organization` });
  if (input.partnerId !== null && !(await tenant.partners.find(input.partnerId)))
    problems.push({ path: 'partnerId', message: `no partner "${input.partnerId}" in this organization` });
  if (input.level !== 'individual' && input.partnerId === null)
    problems.push({
      path: 'partnerId',
      message: `a ${input.level}-level rating must name the ${input.level} it rates`,
    });
  if (problems.length > 0) throw invalid('The respondent is not valid', problems);
}

/** The unit an individual belongs to, when only their contact is named: the contact's partner. */
async function unitOf(
  tenant: TenantStore,
  input: { contactId: string | null; partnerId: string | null },
): Promise<string | null> {
  if (input.partnerId !== null || input.contactId === null) return input.partnerId;
  return (await tenant.contacts.find(input.contactId))?.partnerId ?? null;
}

const versionsOf = (wave: Wave): Record<string, string> =>
  Object.fromEntries(wave.instruments.map((i) => [i.instrumentId, i.version]));

/** Creates a single-use survey link for a wave. The token is returned once; only its SHA-256 is stored. */
export function inviteRespondent(
  store: Store,
  organizationId: string,
  waveId: string,
  input: InvitationInput,
  actor: string,
  now = new Date(),
): Promise<{ response: SurveyResponse; token: string; path: string }> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(waveId);
    await checkRespondent(tenant, wave, input);
    const token = randomSecret();
    const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
    const response = await tenant.responses.insert(
      {
        waveId,
        engagementId: wave.engagementId,
        tokenHash: digestSecret(token),
        anonymous: input.anonymous,
        contactId: input.contactId,
        partnerId: await unitOf(tenant, input),
        level: input.level,
        answers: {},
        instrumentVersions: versionsOf(wave),
        expiresAt,
        submitted: false,
      },
      actor,
    );
    return { response, token, path: `/survey/${token}` };
  });
}

/** Records a response entered by staff (e.g. a team-level rating from a meeting) and scores it at once. */
export function enterResponse(
  store: Store,
  organizationId: string,
  waveId: string,
  input: DirectResponseInput,
  actor: string,
): Promise<SurveyResponse> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(waveId);
    await checkRespondent(tenant, wave, input);
    const instruments = await waveInstruments(tenant, wave);
    const problems = answerProblems(instruments, input.answers);
    if (problems.length > 0) throw invalid('Some answers are not valid', problems);
    const response = await tenant.responses.insert(
      {
        waveId,
        engagementId: wave.engagementId,
        tokenHash: null,
        anonymous: input.anonymous,
        contactId: input.contactId,
        partnerId: await unitOf(tenant, input),
        level: input.level,
        answers: input.answers,
        instrumentVersions: versionsOf(wave),
        expiresAt: null,
        submitted: true,
      },
      actor,
    );
    await scoreResponse(tenant, response);
    return response;
  });
}

/** Withdraws a survey link: it stops working at once; answers already saved are kept. */
export function revokeInvitation(
  store: Store,
  organizationId: string,
  responseId: string,
  actor: string,
): Promise<SurveyResponse> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const response = await tenant.responses.require(responseId);
    if (!response.viaLink)
      throw invalid('Only a survey link can be revoked', [
        { path: 'id', message: 'this response was entered by staff, not through a link' },
      ]);
    if (response.status === 'submitted')
      throw conflict('This survey has already been submitted; there is nothing left to revoke', [
        { path: 'id', message: 'has been submitted' },
      ]);
    if (response.revokedAt !== null) return response;
    const revoked = await tenant.responses.revoke(responseId);
    await tenant.recordHistory({
      entity: 'measurement_response',
      entityId: responseId,
      action: 'revoke',
      actor,
      changes: {},
    });
    return revoked;
  });
}

/** Imports a REDCap flat CSV of one instrument of a wave as anonymous, submitted individual responses, all or nothing. */
export function importRedcapResponses(
  store: Store,
  organizationId: string,
  waveId: string,
  instrumentId: string,
  csv: string,
  actor: string,
): Promise<{ imported: number }> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(waveId);
    const ref = wave.instruments.find((i) => i.instrumentId === instrumentId);
    if (!ref)
      throw invalid('The wave does not use this instrument', [
        { path: 'instrumentId', message: `"${instrumentId}" is not an instrument of this wave` },
      ]);
    const instrument = await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`);
    const parsed = parseRedcapRecords(instrument, csv);
    if (!parsed.ok) throw invalid('The REDCap records are not valid; nothing was imported', parsed.errors);
    for (const record of parsed.records) {
      const response = await tenant.responses.insert(
        {
          waveId,
          engagementId: wave.engagementId,
          tokenHash: null,
          anonymous: true,
          contactId: null,
          partnerId: null,
          level: 'individual',
          answers: { [instrumentId]: record.answers },
          instrumentVersions: { [instrumentId]: ref.version },
          expiresAt: null,
          submitted: true,
        },
        actor,
      );
      await scoreResponse(tenant, response);
    }
    return { imported: parsed.records.length };
  });
}

/** Response progress of a wave: every link with its status and who it is for, and counts by status. */
export async function waveProgress(tenant: TenantStore, waveId: string, now = new Date()): Promise<WaveProgress> {
  await tenant.waves.require(waveId);
  const responses: WaveResponse[] = [];
  for (const response of await tenant.responses.listForWave(waveId))
    responses.push({
      ...response,
      linkStatus: linkStatus(response, now),
      respondent: await respondentLabel(tenant, response),
    });
  return { waveId, counts: progressCounts(responses.map((r) => r.linkStatus)), responses };
}

async function respondentLabel(tenant: TenantStore, response: SurveyResponse): Promise<string> {
  const contact = response.contactId === null ? undefined : await tenant.contacts.find(response.contactId);
  if (contact) return contact.name;
  const unit = response.partnerId === null ? undefined : await tenant.partners.find(response.partnerId);
  if (response.level !== 'individual')
    return unit ? `${unit.name} (${response.level} rating)` : `${response.level} rating`;
  if (response.anonymous) return unit ? `Anonymous, ${unit.name}` : 'Anonymous';
  return unit ? `Someone in ${unit.name}` : 'Unnamed respondent';
}
