import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/client.ts';
import { queryKeys } from './query-keys.ts';

/**
 * One cache for the app. A 401 from any request means the session ended (expired, or signed out
 * elsewhere): forgetting it sends the person to sign in and back again.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetEndedSession(error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetEndedSession(error) }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: true,
      },
    },
  });

  function forgetEndedSession(error: unknown): void {
    if (isApiError(error) && error.status === 401 && queryClient.getQueryData(queryKeys.session)) {
      queryClient.setQueryData(queryKeys.session, null);
    }
  }

  return queryClient;
}
