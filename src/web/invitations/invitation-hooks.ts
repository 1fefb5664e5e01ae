import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationAccountRequest } from '../../domain/accounts/invitations.ts';
import { acceptInvitation, createInvitedAccount, declineInvitation, fetchInvitation } from '../api/invitations.ts';
import { queryKeys } from '../query-keys.ts';

/** What the link offers. A refused link (revoked, expired, used) is final, so it is not asked again. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: ({ signal }) => fetchInvitation(token, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Creates the invited account; the new session replaces whatever was cached. */
export function useCreateInvitedAccount(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: InvitationAccountRequest) => createInvitedAccount(token, request),
    onSuccess: (session) => queryClient.setQueryData(queryKeys.session, session),
  });
}

/** Accepts; the session is read again so the new organization is in it. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
}

export function useDeclineInvitation(token: string) {
  return useMutation({ mutationFn: () => declineInvitation(token) });
}
