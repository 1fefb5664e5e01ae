import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { ApiToken } from '../../domain/accounts/schemas.ts';

export async function revokeApiToken(
  store: Store,
  organizationId: string,
  tokenId: string,
  actor: string | null,
): Promise<ApiToken> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const token = await tenant.tokens.find(tokenId);
    if (!token) throw notFound('API token');
    if (!token.revokedAt) {
      await tenant.tokens.revoke(tokenId);
      await tenant.recordHistory({ entity: 'api_token', entityId: tokenId, action: 'revoke', actor, changes: {} });
    }
    return (await tenant.tokens.find(tokenId))!;
  });
}
