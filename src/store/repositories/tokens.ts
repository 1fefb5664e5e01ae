import type { ApiToken } from '../../domain/accounts/schemas.ts';
import type { Role } from '../../domain/roles.ts';
import { newId, nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';
import { runPrepared } from './prepared.ts';

type TokenRow = {
  id: string;
  organization_id: string;
  name: string;
  role: string;
  prefix: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  role: r.role as Role,
  prefix: r.prefix,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const columns = [
  'id',
  'organization_id',
  'name',
  'role',
  'prefix',
  'created_by',
  'created_at',
  'expires_at',
  'last_used_at',
  'revoked_at',
] as const;

/** API tokens of one organization. Only a hash of each secret is stored. */
export class TokenRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  async create(input: {
    name: string;
    role: Role;
    tokenHash: string;
    prefix: string;
    createdBy: string;
    expiresAt: string | null;
  }): Promise<ApiToken> {
    const row: TokenRow = {
      id: newId(),
      organization_id: this.organizationId,
      name: input.name,
      role: input.role,
      prefix: input.prefix,
      created_by: input.createdBy,
      created_at: nowIso(),
      expires_at: input.expiresAt,
      last_used_at: null,
      revoked_at: null,
    };
    await this.db
      .insertInto('api_tokens')
      .values({ ...row, token_hash: input.tokenHash })
      .execute();
    return toToken(row);
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(columns)
      .where('organization_id', '=', this.organizationId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toToken);
  }

  async find(id: string): Promise<ApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select(columns)
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toToken(row);
  }

  async revoke(id: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }
}

export interface TokenGrant {
  tokenId: string;
  organizationId: string;
  role: Role;
  createdBy: string;
}

/** Resolves a presented token hash to what it grants, if it is live (not revoked, not expired). */
export async function findLiveToken(db: Executor, tokenHash: string, now: string): Promise<TokenGrant | undefined> {
  const { rows } = await runPrepared(
    db,
    'find live token',
    (db, value) =>
      db
        .selectFrom('api_tokens')
        .select(['id', 'organization_id', 'role', 'created_by', 'expires_at', 'revoked_at', 'last_used_at'])
        .where('token_hash', '=', value('hash') as string),
    { hash: tokenHash },
  );
  const row = rows[0];
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return undefined;
  // Record use at most once a minute: a busy script must not turn every read into a write.
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { tokenId: row.id, organizationId: row.organization_id, role: row.role as Role, createdBy: row.created_by };
}
