import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganizationRequest, SessionView } from '../../domain/accounts/schemas.ts';
import { createOrganization } from '../api/organizations.ts';
import { queryKeys } from '../query-keys.ts';

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateOrganizationRequest) => createOrganization(request),
    onSuccess: async (organization) => {
      // Show the new organization at once, then confirm with the server's view of the session.
      queryClient.setQueryData<SessionView | null>(queryKeys.session, (session) =>
        session ? { ...session, organizations: [...session.organizations, organization] } : session,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
