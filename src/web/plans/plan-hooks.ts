import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchHistory } from '../api/support.ts';
import { listStagePlans } from '../api/plans.ts';
import { queryKeys } from '../query-keys.ts';

/** The live stage plans of an engagement. */
export function useStagePlans(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: queryKeys.stagePlans(orgId, engagementId),
    queryFn: ({ signal }) => listStagePlans(orgId, engagementId, signal),
  });
}

export function useStagePlanHistory(orgId: string, planId: string) {
  return useQuery({
    queryKey: queryKeys.history(orgId, 'plans', planId),
    queryFn: ({ signal }) => fetchHistory(orgId, 'plans', planId, signal),
  });
}

/** A plan write changes the engagement's plans, plan versus actual, signals and the home page. */
export function useRefreshAfterPlanWrite(orgId: string, engagementId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.engagement(orgId, engagementId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.plans(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.home(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.signals(orgId) }),
    ]);
}
