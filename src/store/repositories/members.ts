import type { Member } from '../../domain/accounts/schemas.ts';
import type { Role } from '../../domain/roles.ts';
import { nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';

/** Who belongs to one organization, and in which role. Every query is scoped to that organization. */
export class MemberRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  private base() {
    return this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'memberships.user_id',
        'users.email',
        'users.name',
        'memberships.role',
        'memberships.created_at',
        'memberships.partner_id',
      ])
      .where('memberships.organization_id', '=', this.organizationId);
  }

  async list(): Promise<Member[]> {
    const rows = await this.base().orderBy('users.name').execute();
    return rows.map(toMember);
  }

  async find(userId: string): Promise<Member | undefined> {
    const row = await this.base().where('memberships.user_id', '=', userId).executeTakeFirst();
    return row && toMember(row);
  }

  /** The member with this email, if any: only this organization's members are looked at. */
  async findByEmail(email: string): Promise<Member | undefined> {
    const row = await this.base().where('users.email', '=', email.toLowerCase()).executeTakeFirst();
    return row && toMember(row);
  }

  async add(userId: string, role: Role): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ organization_id: this.organizationId, user_id: userId, role, created_at: nowIso() })
      .execute();
  }

  async setRole(userId: string, role: Role): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ role })
      .where('organization_id', '=', this.organizationId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Attaches a member to a partner, or detaches them with null. */
  async setPartner(userId: string, partnerId: string | null): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ partner_id: partnerId })
      .where('organization_id', '=', this.organizationId)
      .where('user_id', '=', userId)
      .execute();
  }

  async remove(userId: string): Promise<void> {
    await this.db
      .deleteFrom('memberships')
      .where('organization_id', '=', this.organizationId)
      .where('user_id', '=', userId)
      .execute();
  }
}

function toMember(r: {
  user_id: string;
  email: string;
  name: string;
  role: string;
  created_at: string;
  partner_id: string | null;
}): Member {
  return {
    userId: r.user_id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    createdAt: r.created_at,
    partnerId: r.partner_id,
  };
}
