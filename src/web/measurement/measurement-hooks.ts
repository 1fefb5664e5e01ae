import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstrumentFormat } from '../../domain/measurement/formats.ts';
import type { InvitationInput, WaveInput } from '../../domain/measurement/schemas.ts';
import {
  createSurveyLink,
  deleteWave,
  fetchWaveHistory,
  fetchInstrument,
  fetchOutcomeChange,
  fetchWaveProgress,
  listInstruments,
  listWaves,
  publishInstrumentText,
  restoreWave,
  revokeSurveyLink,
  saveWave,
} from './measurement-api.ts';

/** Cache keys of measurement, all under the organization's `measurement` key so one invalidation refreshes them. */
export const measurementKeys = {
  all: (orgId: string) => ['orgs', orgId, 'measurement'] as const,
  instruments: (orgId: string) => ['orgs', orgId, 'measurement', 'instruments'] as const,
  instrument: (orgId: string, id: string, version: string | undefined) =>
    ['orgs', orgId, 'measurement', 'instruments', id, version ?? 'latest'] as const,
  waves: (orgId: string, engagementId: string) => ['orgs', orgId, 'measurement', 'waves', engagementId] as const,
  history: (orgId: string, waveId: string) => ['orgs', orgId, 'measurement', 'history', waveId] as const,
  progress: (orgId: string, waveId: string) => ['orgs', orgId, 'measurement', 'progress', waveId] as const,
  outcomeChange: (orgId: string, engagementId: string) =>
    ['orgs', orgId, 'measurement', 'outcome-change', engagementId] as const,
};

export const useInstruments = (orgId: string) =>
  useQuery({ queryKey: measurementKeys.instruments(orgId), queryFn: ({ signal }) => listInstruments(orgId, signal) });

export const useInstrument = (orgId: string, id: string, version?: string) =>
  useQuery({
    queryKey: measurementKeys.instrument(orgId, id, version),
    queryFn: ({ signal }) => fetchInstrument(orgId, id, version, signal),
  });

export const useWaves = (orgId: string, engagementId: string) =>
  useQuery({
    queryKey: measurementKeys.waves(orgId, engagementId),
    queryFn: ({ signal }) => listWaves(orgId, engagementId, signal),
  });

export const useWaveProgress = (orgId: string, waveId: string) =>
  useQuery({
    queryKey: measurementKeys.progress(orgId, waveId),
    queryFn: ({ signal }) => fetchWaveProgress(orgId, waveId, signal),
  });

export const useWaveHistory = (orgId: string, waveId: string, enabled: boolean) =>
  useQuery({
    queryKey: measurementKeys.history(orgId, waveId),
    queryFn: ({ signal }) => fetchWaveHistory(orgId, waveId, signal),
    enabled,
  });

export const useOutcomeChange = (orgId: string, engagementId: string) =>
  useQuery({
    queryKey: measurementKeys.outcomeChange(orgId, engagementId),
    queryFn: ({ signal }) => fetchOutcomeChange(orgId, engagementId, signal),
  });

/** Every measurement write can change waves, progress and trajectories: refresh them all. */
function useRefresh(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: measurementKeys.all(orgId) });
}

export function usePublishInstrument(orgId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({
    mutationFn: ({ text, format }: { text: string; format: InstrumentFormat | undefined }) =>
      publishInstrumentText(orgId, text, format),
    onSuccess: refresh,
  });
}

export function useSaveWave(orgId: string, engagementId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({
    mutationFn: ({ input, existing }: { input: WaveInput; existing?: { id: string; version: number } }) =>
      saveWave(orgId, engagementId, input, existing),
    onSuccess: refresh,
  });
}

export function useDeleteWave(orgId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deleteWave(orgId, id, version),
    onSuccess: refresh,
  });
}

export function useRestoreWave(orgId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({ mutationFn: (id: string) => restoreWave(orgId, id), onSuccess: refresh });
}

export function useCreateSurveyLink(orgId: string, waveId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({
    mutationFn: (input: Partial<InvitationInput>) => createSurveyLink(orgId, waveId, input),
    onSuccess: refresh,
  });
}

export function useRevokeSurveyLink(orgId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({ mutationFn: (responseId: string) => revokeSurveyLink(orgId, responseId), onSuccess: refresh });
}
