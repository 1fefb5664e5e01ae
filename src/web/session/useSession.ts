import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
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

/**
 * The session inside pages that `RequireSession` guards, where someone is always signed in. When
 * the session ends, a page may render once more before the guard removes it; it then keeps the
 * last session it saw instead of failing.
 */
export function useSignedInSession(): SessionView {
  const { data } = useSession();
  const lastSession = useRef(data);
  if (data) lastSession.current = data;
  if (!lastSession.current) throw new Error('useSignedInSession used outside RequireSession');
  return lastSession.current;
}
