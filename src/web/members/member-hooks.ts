import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteMemberRequest } from '../../domain/accounts/invitations.ts';
import type { Member } from '../../domain/accounts/schemas.ts';
import type { Role } from '../../domain/roles.ts';
import { inviteMember, listInvitations, revokeInvitation } from '../api/invitations.ts';
import { changeMemberRole, listMembers, removeMember } from '../api/members.ts';
import { notifyDone } from '../notify.ts';
import { queryKeys } from '../query-keys.ts';

export function useMembers(orgId: string) {
  return useQuery({ queryKey: queryKeys.members(orgId), queryFn: ({ signal }) => listMembers(orgId, signal) });
}

/** After any change to membership: the list, and the session (your own role may be what changed). */
function useRefreshMembership(orgId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.session }),
    ]);
  };
}

/** Pending invitations: who has been asked to join and has not answered yet. */
export function useInvitations(orgId: string) {
  return useQuery({
    queryKey: queryKeys.invitations(orgId),
    queryFn: ({ signal }) => listInvitations(orgId, signal),
  });
}

export function useInviteMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: InviteMemberRequest) => inviteMember(orgId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(orgId) }),
  });
}

export function useRevokeInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(orgId, invitationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(orgId) }),
  });
}

export function useChangeMemberRole(orgId: string) {
  const refresh = useRefreshMembership(orgId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => changeMemberRole(orgId, userId, role),
    onSettled: refresh,
  });
}

/**
 * Removing a member unmounts their row, and with it any callback given to `mutate`; so the
 * confirmation is announced here, where it always runs.
 */
export function useRemoveMember(orgId: string) {
  const refresh = useRefreshMembership(orgId);
  return useMutation({
    mutationFn: (member: Member) => removeMember(orgId, member.userId),
    onSuccess: async (_nothing, member) => {
      notifyDone(`${member.name} is no longer a member.`);
      await refresh();
    },
  });
}
