import type { Organization, OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import { conflict } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { newId, nowIso } from '../ids.ts';
import { isUniqueViolation, type Executor } from './executor.ts';

export interface OrganizationRecord extends Organization {
  isDemo: boolean;
  createdAt: string;
}

/** Organizations (tenants). The only table not scoped by organization_id, because it is the scope. */
export class OrganizationRepository {
  constructor(private readonly db: Executor) {}

  async create(input: { name: string; slug: string; isDemo?: boolean }): Promise<OrganizationRecord> {
    const record = {
      id: newId(),
      name: input.name,
      slug: input.slug,
      isDemo: input.isDemo ?? false,
      createdAt: nowIso(),
    };
    try {
      await this.db
        .insertInto('organizations')
        .values({
          id: record.id,
          name: record.name,
          slug: record.slug,
          is_demo: record.isDemo ? 1 : 0,
          created_at: record.createdAt,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`An organization with slug "${input.slug}" exists`, [{ path: 'slug', message: 'is taken' }]);
      throw error;
    }
    return record;
  }

  async findById(id: string): Promise<OrganizationRecord | undefined> {
    const r = await this.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, name: r.name, slug: r.slug, isDemo: r.is_demo === 1, createdAt: r.created_at };
  }

  async findBySlug(slug: string): Promise<OrganizationRecord | undefined> {
    const r = await this.db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst();
    return r && this.findById(r.id);
  }

  /** Finds an organization by id or slug: what a person types on the command line. */
  async findByIdOrSlug(ref: string): Promise<OrganizationRecord | undefined> {
    return (await this.findById(ref)) ?? (await this.findBySlug(ref));
  }

  async list(): Promise<OrganizationRecord[]> {
    const rows = await this.db.selectFrom('organizations').selectAll().orderBy('name').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      isDemo: r.is_demo === 1,
      createdAt: r.created_at,
    }));
  }

  /** The organizations a person belongs to, with the role they hold in each. */
  async listForUser(userId: string): Promise<OrganizationWithRole[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select(['organizations.id', 'organizations.name', 'organizations.slug', 'memberships.role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('organizations.name')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, role: r.role as Role }));
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('organizations').where('id', '=', id).execute();
  }
}
