import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactInput, PartnerInput } from '../../domain/support/schemas.ts';
import { listContacts, listPartners, saveContact, savePartner } from '../api/support.ts';
import { queryKeys } from '../query-keys.ts';

export function usePartners(orgId: string) {
  return useQuery({ queryKey: queryKeys.partners(orgId), queryFn: ({ signal }) => listPartners(orgId, signal) });
}

export function useContacts(orgId: string, partnerId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.contacts(orgId, partnerId),
    queryFn: ({ signal }) => listContacts(orgId, partnerId, signal),
    enabled: partnerId !== undefined,
  });
}

export function useSavePartner(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, existing }: { input: PartnerInput; existing?: { id: string; version: number } }) =>
      savePartner(orgId, input, existing),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.partners(orgId) }),
  });
}

export function useSaveContact(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, existing }: { input: ContactInput; existing?: { id: string; version: number } }) =>
      saveContact(orgId, input, existing),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'contacts'] }),
  });
}
