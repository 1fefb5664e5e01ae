import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StageChange } from '../../domain/support/schemas.ts';
import { fetchDashboard, fetchEngagementOverview, fetchModelVocabulary, listEngagements, moveEngagementToStage } from '../api/support.ts';
import { queryKeys } from '../query-keys.ts';

export function useEngagements(orgId: string) {
  return useQuery({ queryKey: queryKeys.engagements(orgId), queryFn: ({ signal }) => listEngagements(orgId, undefined, signal) });
}

export function useEngagementOverview(orgId: string, engagementId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.engagementOverview(orgId, engagementId ?? ''),
    queryFn: ({ signal }) => fetchEngagementOverview(orgId, engagementId ?? '', signal),
    enabled: engagementId !== undefined,
  });
}

export function useDashboard(orgId: string) {
  return useQuery({ queryKey: queryKeys.dashboard(orgId), queryFn: ({ signal }) => fetchDashboard(orgId, signal) });
}

export function useMoveEngagementToStage(orgId: string, engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, version }: { change: StageChange; version: number }) => moveEngagementToStage(orgId, engagementId, change, version),
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
