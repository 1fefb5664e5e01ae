import { z } from 'zod';
import { StoredResearchSettings, type ResearchSettings } from '../../domain/accounts/schemas.ts';
import { HistoryEntry } from '../../domain/history.ts';
import { apiGet, apiRequest, segment } from '../api/client.ts';

/** The organization's research settings (what its research export may hold), their saves and their history. */

const path = (orgId: string, rest = ''): string => `/api/orgs/${segment(orgId)}/research-settings${rest}`;

export const researchSettingsKeys = {
  all: (orgId: string) => ['orgs', orgId, 'research-settings'] as const,
  settings: (orgId: string) => ['orgs', orgId, 'research-settings', 'settings'] as const,
  history: (orgId: string) => ['orgs', orgId, 'research-settings', 'history'] as const,
};

export const fetchResearchSettings = (orgId: string, signal?: AbortSignal): Promise<StoredResearchSettings> =>
  apiGet(path(orgId), StoredResearchSettings, signal);

export const saveResearchSettings = (
  orgId: string,
  settings: ResearchSettings,
  version: number,
): Promise<StoredResearchSettings> =>
  apiRequest('PUT', path(orgId), { body: { settings, version }, schema: StoredResearchSettings });

export const fetchResearchSettingsHistory = async (orgId: string, signal?: AbortSignal): Promise<HistoryEntry[]> =>
  (await apiGet(path(orgId, '/history'), z.object({ items: z.array(HistoryEntry) }), signal)).items;
