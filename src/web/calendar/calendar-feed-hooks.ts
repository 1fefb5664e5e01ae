import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createCalendarFeed, fetchCalendarFeed, revokeCalendarFeed } from '../api/calendar.ts';
import { queryKeys } from '../query-keys.ts';

export function useCalendarFeed(orgId: string) {
  return useQuery({
    queryKey: queryKeys.calendarFeed(orgId),
    queryFn: ({ signal }) => fetchCalendarFeed(orgId, signal),
  });
}

/** Creates the member's feed, replacing any other. */
export function useCreateCalendarFeed(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createCalendarFeed(orgId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed(orgId) }),
  });
}

export function useRevokeCalendarFeed(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => revokeCalendarFeed(orgId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed(orgId) }),
  });
}
