import { errorMessageOf, isApiError } from '../api/client.ts';

/**
 * One message for every failed sign-in, whatever the reason, so the page never reveals whether an
 * account exists; only throttling and an unreachable server are told apart.
 */
export function loginFailureMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 429) return 'Too many sign-in attempts. Please wait a minute before trying again.';
    if (error.status >= 500) return errorMessageOf(error);
    return 'Email or password is incorrect.';
  }
  return errorMessageOf(error);
}
