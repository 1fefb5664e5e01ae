import type { ApiToken } from '../../domain/accounts/schemas.ts';

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** Whether a token still opens the API at `now`. */
export function tokenStatus(token: ApiToken, now: Date = new Date()): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
