import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '../../domain/accounts/schemas.ts';
import { logIn } from '../api/session.ts';
import { queryKeys } from '../query-keys.ts';

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => logIn(credentials),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}
