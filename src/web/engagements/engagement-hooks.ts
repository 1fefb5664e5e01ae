import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EngagementInput, StageChange } from '../../domain/support/schemas.ts';
import {
  deleteEngagement,
  fetchDashboard,
  fetchEngagement,
  fetchEngagementOverview,
  fetchHistory,
  fetchModelVocabulary,
  listEngagements,
  moveEngagementToStage,
  restoreEngagement,
  saveEngagement,
} from '../api/support.ts';
import { queryKeys } from '../query-keys.ts';

export function useEngagements(orgId: string) {
  return useQuery({
    queryKey: queryKeys.engagements(orgId),
    queryFn: ({ signal }) => listEngagements(orgId, undefined, signal),
  });
}

export function useEngagementOverview(orgId: string, engagementId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.engagementOverview(orgId, engagementId ?? ''),
    queryFn: ({ signal }) => fetchEngagementOverview(orgId, engagementId ?? '', signal),
    enabled: engagementId !== undefined,
  });
}

/** One engagement as stored, deleted ones included. */
export function useEngagement(orgId: string, engagementId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.engagement(orgId, engagementId),
    queryFn: ({ signal }) => fetchEngagement(orgId, engagementId, signal),
    enabled: options.enabled ?? true,
  });
}

export function useEngagementHistory(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: queryKeys.history(orgId, 'engagements', engagementId),
    queryFn: ({ signal }) => fetchHistory(orgId, 'engagements', engagementId, signal),
  });
}

/** Any write to an engagement changes its page, its history and the lists (all under one key), and the dashboard. */
function useRefreshAfterEngagementWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.engagements(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(orgId) }),
    ]);
  };
}

export function useSaveEngagement(orgId: string) {
  const refresh = useRefreshAfterEngagementWrite(orgId);
  return useMutation({
    mutationFn: ({ input, existing }: { input: EngagementInput; existing?: { id: string; version: number } }) =>
      saveEngagement(orgId, input, existing),
    onSuccess: refresh,
  });
}

export function useDeleteEngagement(orgId: string, engagementId: string) {
  const refresh = useRefreshAfterEngagementWrite(orgId);
  return useMutation({
    mutationFn: (version: number) => deleteEngagement(orgId, engagementId, version),
    onSuccess: refresh,
  });
}

export function useRestoreEngagement(orgId: string, engagementId: string) {
  const refresh = useRefreshAfterEngagementWrite(orgId);
  return useMutation({ mutationFn: () => restoreEngagement(orgId, engagementId), onSuccess: refresh });
}

export function useDashboard(orgId: string) {
  return useQuery({ queryKey: queryKeys.dashboard(orgId), queryFn: ({ signal }) => fetchDashboard(orgId, signal) });
}

export function useMoveEngagementToStage(orgId: string, engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, version }: { change: StageChange; version: number }) =>
      moveEngagementToStage(orgId, engagementId, change, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements(orgId) }),
  });
}

/** A model version's names; versions never change once published, so they are fetched once. */
export function useModelVocabulary(orgId: string, model: { modelId: string; modelVersion: string } | undefined) {
  return useQuery({
    queryKey: [...queryKeys.practiceModels(orgId), model?.modelId ?? '', model?.modelVersion ?? '', 'vocabulary'],
    queryFn: ({ signal }) => fetchModelVocabulary(orgId, model?.modelId ?? '', model?.modelVersion ?? '', signal),
    enabled: model !== undefined,
    staleTime: Infinity,
  });
}
