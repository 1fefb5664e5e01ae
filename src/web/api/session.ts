import { SessionView } from '../../domain/accounts/schemas.ts';
import type { LoginRequest } from '../../domain/accounts/schemas.ts';
import { apiRequest, isApiError, setCsrfToken } from './client.ts';

/** The signed-in person, their organizations and the CSRF token; `null` when nobody is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionView | null> {
  try {
    const session = await apiRequest('GET', '/api/session', { schema: SessionView, signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function logIn(credentials: LoginRequest): Promise<SessionView> {
  const session = await apiRequest('POST', '/api/auth/login', { body: credentials, schema: SessionView });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logOut(): Promise<void> {
  await apiRequest('POST', '/api/auth/logout');
  setCsrfToken(null);
}
