import { useQuery } from '@tanstack/react-query';
import type { SessionView } from '../../domain/accounts/schemas.ts';
import { fetchSession } from '../api/session.ts';
import { queryKeys } from '../query-keys.ts';

/** The current session as the server sees it; `data` is `null` when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
}

/** The session inside pages that `RequireSession` guards, where someone is always signed in. */
export function useSignedInSession(): SessionView {
  const { data } = useSession();
  if (!data) throw new Error('useSignedInSession used outside RequireSession');
  return data;
}
