import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { HistoryEntry } from '../../domain/history.ts';
import { Instrument } from '../../domain/measurement/instrument.ts';
import {
  CreatedInvitation,
  EngagementOutcomeChange,
  InstrumentSummary,
  SurveyResponse,
  Wave,
  WaveProgress,
  type InvitationInput,
  type WaveInput,
} from '../../domain/measurement/schemas.ts';
import type { InstrumentFormat } from '../../domain/measurement/formats.ts';
import { apiGet, apiRequest, segment } from '../api/client.ts';

/** Calls to the measurement API: instruments, waves, survey links and outcome change. */

const org = (orgId: string) => `/api/orgs/${segment(orgId)}`;

export const listInstruments = async (orgId: string, signal?: AbortSignal): Promise<InstrumentSummary[]> =>
  (await apiGet(`${org(orgId)}/instruments`, ListOf(InstrumentSummary), signal)).items;

export const fetchInstrument = (
  orgId: string,
  instrumentId: string,
  version: string | undefined,
  signal?: AbortSignal,
): Promise<Instrument> =>
  apiGet(
    `${org(orgId)}/instruments/${segment(instrumentId)}${version ? `?version=${encodeURIComponent(version)}` : ''}`,
    Instrument,
    signal,
  );

const Published = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  publishedAt: z.string(),
  rescored: z.number().int(),
});
export type Published = z.infer<typeof Published>;

/** Publishes an instrument from file text (REDCap data dictionary, JSON or YAML; the server detects which when not given). */
export const publishInstrumentText = (
  orgId: string,
  text: string,
  format: InstrumentFormat | undefined,
): Promise<Published> =>
  apiRequest('POST', `${org(orgId)}/instruments`, { body: format ? { text, format } : { text }, schema: Published });

export const instrumentExportUrl = (
  orgId: string,
  instrumentId: string,
  version: string,
  format: InstrumentFormat,
): string =>
  `${org(orgId)}/instruments/${segment(instrumentId)}/export?version=${encodeURIComponent(version)}&format=${format}`;

export const listWaves = async (orgId: string, engagementId: string, signal?: AbortSignal): Promise<Wave[]> =>
  (await apiGet(`${org(orgId)}/engagements/${segment(engagementId)}/waves`, ListOf(Wave), signal)).items;

export const saveWave = (
  orgId: string,
  engagementId: string,
  input: WaveInput,
  existing?: { id: string; version: number },
): Promise<Wave> =>
  existing
    ? apiRequest('PUT', `${org(orgId)}/waves/${segment(existing.id)}`, {
        body: { ...input, version: existing.version },
        schema: Wave,
      })
    : apiRequest('POST', `${org(orgId)}/engagements/${segment(engagementId)}/waves`, { body: input, schema: Wave });

export const deleteWave = (orgId: string, waveId: string, version: number): Promise<Wave> =>
  apiRequest('DELETE', `${org(orgId)}/waves/${segment(waveId)}?version=${version}`, { schema: Wave });
export const restoreWave = (orgId: string, waveId: string): Promise<Wave> =>
  apiRequest('POST', `${org(orgId)}/waves/${segment(waveId)}/restore`, { schema: Wave });

export const fetchWaveProgress = (orgId: string, waveId: string, signal?: AbortSignal): Promise<WaveProgress> =>
  apiGet(`${org(orgId)}/waves/${segment(waveId)}/progress`, WaveProgress, signal);

export const createSurveyLink = (
  orgId: string,
  waveId: string,
  input: Partial<InvitationInput>,
): Promise<z.infer<typeof CreatedInvitation>> =>
  apiRequest('POST', `${org(orgId)}/waves/${segment(waveId)}/invitations`, { body: input, schema: CreatedInvitation });

export const revokeSurveyLink = (orgId: string, responseId: string): Promise<SurveyResponse> =>
  apiRequest('POST', `${org(orgId)}/responses/${segment(responseId)}/revoke`, { schema: SurveyResponse });

export const fetchOutcomeChange = (
  orgId: string,
  engagementId: string,
  signal?: AbortSignal,
): Promise<EngagementOutcomeChange> =>
  apiGet(`${org(orgId)}/engagements/${segment(engagementId)}/outcomes/change`, EngagementOutcomeChange, signal);

/** Every version of a wave: who, when, what changed. */
export const fetchWaveHistory = async (orgId: string, waveId: string, signal?: AbortSignal): Promise<HistoryEntry[]> =>
  (await apiGet(`${org(orgId)}/waves/${segment(waveId)}/history`, z.object({ items: z.array(HistoryEntry) }), signal))
    .items;
