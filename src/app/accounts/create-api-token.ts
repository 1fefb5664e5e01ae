import type { CreateTokenRequest } from '../../domain/accounts/schemas.ts';
import type { Store } from '../../store/store.ts';
import { newApiToken } from './secrets.ts';
import type { CreatedToken } from '../../domain/accounts/schemas.ts';

export async function createApiToken(
  store: Store,
  organizationId: string,
  input: CreateTokenRequest,
  createdBy: string,
): Promise<CreatedToken> {
  const secret = newApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString() : null;
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const apiToken = await tenant.tokens.create({
      name: input.name,
      role: input.role,
      tokenHash: secret.tokenHash,
      prefix: secret.prefix,
      createdBy,
      expiresAt,
    });
    await tenant.recordHistory({
      entity: 'api_token',
      entityId: apiToken.id,
      action: 'create',
      actor: createdBy,
      changes: { name: apiToken.name, role: apiToken.role, expiresAt },
    });
    return { token: secret.token, apiToken };
  });
}
