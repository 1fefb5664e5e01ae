import type { StoredInvitationStatus } from '../../domain/accounts/invitations.ts';
import type { Role } from '../../domain/roles.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { VersionedRepository, type VersionedMapping, type VersionedRecord } from './versioned.ts';

/** An invitation as stored, without its token hash (which never leaves this table, not even into the history). */
export interface StoredInvitation extends VersionedRecord {
  email: string;
  role: Role;
  status: StoredInvitationStatus;
  invitedBy: string;
  expiresAt: string;
  closedAt: string | null;
  closedBy: string | null;
}

/** What a write stores; the token hash is written once, when the invitation is created. */
export type InvitationData = Omit<StoredInvitation, keyof VersionedRecord> & { tokenHash?: string };

export const invitationMapping: VersionedMapping<'invitations', StoredInvitation, InvitationData, 'token_hash'> = {
  table: 'invitations',
  entity: 'invitation',
  label: 'Invitation',
  columns: (i) => ({
    email: i.email,
    role: i.role,
    status: i.status,
    invited_by: i.invitedBy,
    expires_at: i.expiresAt,
    closed_at: i.closedAt,
    closed_by: i.closedBy,
    ...(i.tokenHash === undefined ? {} : { token_hash: i.tokenHash }),
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    email: r.email as string,
    role: r.role as Role,
    status: r.status as StoredInvitationStatus,
    invitedBy: r.invited_by as string,
    expiresAt: r.expires_at as string,
    closedAt: r.closed_at as string | null,
    closedBy: r.closed_by as string | null,
  }),
};

const columns = [
  'id',
  'organization_id',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
  'email',
  'role',
  'status',
  'invited_by',
  'expires_at',
  'closed_at',
  'closed_by',
] as const;

/** Invitations of one organization: versioned, every change (sent, accepted, declined, revoked) in the history. */
export class InvitationRepository extends VersionedRepository<
  'invitations',
  StoredInvitation,
  InvitationData,
  'token_hash'
> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, invitationMapping);
  }

  /** Pending invitations (expired ones included, until someone revokes them), newest first; optionally for one email. */
  async listPending(email?: string): Promise<StoredInvitation[]> {
    let query = this.executor
      .selectFrom('invitations')
      .select(columns)
      .where('organization_id', '=', this.orgId)
      .where('status', '=', 'pending')
      .where('deleted_at', 'is', null);
    if (email !== undefined) query = query.where('email', '=', email);
    const rows = await query.orderBy('id', 'desc').execute();
    return rows.map((r) => invitationMapping.fromRow(r));
  }
}

/** The invitation a link's token hash opens, in whichever organization it belongs to. Only the hash is compared. */
export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<{ organizationId: string; invitation: StoredInvitation } | undefined> {
  const row = await db
    .selectFrom('invitations')
    .select(columns)
    .where('token_hash', '=', tokenHash)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && { organizationId: row.organization_id, invitation: invitationMapping.fromRow(row) };
}
