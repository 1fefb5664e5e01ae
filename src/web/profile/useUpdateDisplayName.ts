import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../domain/accounts/schemas.ts';
import { updateDisplayName } from '../api/profile.ts';
import { queryKeys } from '../query-keys.ts';

export function useUpdateDisplayName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => updateDisplayName(name),
    onSuccess: (user) => {
      queryClient.setQueryData<SessionView | null>(queryKeys.session, (session) =>
        session ? { ...session, user } : session,
      );
      // Member lists show names too.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes('members') });
    },
  });
}
