import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InteractionInput } from '../../domain/support/schemas.ts';
import {
  deleteInteraction,
  fetchHistory,
  fetchInteraction,
  listInteractions,
  logInteraction,
  restoreInteraction,
  updateInteraction,
} from '../api/support.ts';
import type { InteractionFilter } from '../api/support.ts';
import { queryKeys } from '../query-keys.ts';

export function useInteractionList(orgId: string, filter: InteractionFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.interactionList(orgId, filter),
    queryFn: ({ pageParam, signal }) => listInteractions(orgId, filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useInteraction(orgId: string, interactionId: string) {
  return useQuery({
    queryKey: queryKeys.interaction(orgId, interactionId),
    queryFn: ({ signal }) => fetchInteraction(orgId, interactionId, signal),
  });
}

export function useInteractionHistory(orgId: string, interactionId: string) {
  return useQuery({
    queryKey: queryKeys.history(orgId, 'interactions', interactionId),
    queryFn: ({ signal }) => fetchHistory(orgId, 'interactions', interactionId, signal),
  });
}

/** Any write to an interaction changes lists, the engagement pages, the dashboard and the home page. */
function useRefreshAfterInteractionWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.interactions(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.engagements(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.home(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.signals(orgId) }),
    ]);
  };
}

export function useLogInteraction(orgId: string) {
  const refresh = useRefreshAfterInteractionWrite(orgId);
  return useMutation({ mutationFn: (input: InteractionInput) => logInteraction(orgId, input), onSuccess: refresh });
}

export function useUpdateInteraction(orgId: string, interactionId: string) {
  const refresh = useRefreshAfterInteractionWrite(orgId);
  return useMutation({
    mutationFn: ({ input, version }: { input: InteractionInput; version: number }) =>
      updateInteraction(orgId, interactionId, input, version),
    onSuccess: refresh,
  });
}

export function useDeleteInteraction(orgId: string, interactionId: string) {
  const refresh = useRefreshAfterInteractionWrite(orgId);
  return useMutation({
    mutationFn: (version: number) => deleteInteraction(orgId, interactionId, version),
    onSuccess: refresh,
  });
}

export function useRestoreInteraction(orgId: string, interactionId: string) {
  const refresh = useRefreshAfterInteractionWrite(orgId);
  return useMutation({ mutationFn: () => restoreInteraction(orgId, interactionId), onSuccess: refresh });
}
