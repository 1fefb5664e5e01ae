import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailRecipient } from '../../domain/email/schemas.ts';
import { measurementKeys } from '../measurement/measurement-hooks.ts';
import { fetchWaveEmail, retryFailed, sendInvitations, sendReminders } from './email-api.ts';

const emailKey = (orgId: string, waveId: string) => [...measurementKeys.all(orgId), 'email', waveId] as const;

/** A wave's email status; polled every two seconds while a message waits for its first attempt. */
export const useWaveEmail = (orgId: string, waveId: string) =>
  useQuery({
    queryKey: emailKey(orgId, waveId),
    queryFn: ({ signal }) => fetchWaveEmail(orgId, waveId, signal),
    refetchInterval: (query) => (query.state.data?.contacts.some((c) => c.status === 'queued') ? 2000 : false),
  });

function useRefresh(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: measurementKeys.all(orgId) });
}

export function useSendInvitations(orgId: string, waveId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({
    mutationFn: (recipients: Partial<EmailRecipient>[]) => sendInvitations(orgId, waveId, recipients),
    onSuccess: refresh,
  });
}

export function useSendReminders(orgId: string, waveId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({ mutationFn: () => sendReminders(orgId, waveId), onSuccess: refresh });
}

export function useRetryFailed(orgId: string, waveId: string) {
  const refresh = useRefresh(orgId);
  return useMutation({ mutationFn: () => retryFailed(orgId, waveId), onSuccess: refresh });
}
