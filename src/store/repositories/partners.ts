import { sql } from 'kysely';
import {
  Partner as PartnerSchema,
  type Contact,
  type ContactInput,
  type Level,
  type Partner,
  type PartnerInput,
  type PartnerKind,
} from '../../domain/support/schemas.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Executor } from './executor.ts';
import { VersionedRepository, type VersionedMapping } from './versioned.ts';

const meta = (r: {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}) => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export const partnerMapping: VersionedMapping<'partners', Partner, PartnerInput> = {
  table: 'partners',
  entity: 'partner',
  label: 'Partner',
  columns: (p) => ({
    parent_id: p.parentId,
    name: p.name,
    kind: p.kind,
    type: p.type,
    region: p.region,
    state_or_country: p.stateOrCountry,
    tags: JSON.stringify(p.tags),
  }),
  fromRow: (r) => ({
    ...meta(r),
    parentId: r.parent_id as string | null,
    name: r.name as string,
    kind: r.kind as PartnerKind,
    type: r.type as string,
    region: r.region as string,
    stateOrCountry: r.state_or_country as string,
    tags: readJsonColumn(PartnerSchema.shape.tags, r.tags, { table: 'partners', column: 'tags', id: r.id }),
  }),
};

export const contactMapping: VersionedMapping<'contacts', Contact, ContactInput> = {
  table: 'contacts',
  entity: 'contact',
  label: 'Contact',
  columns: (c) => ({
    partner_id: c.partnerId,
    name: c.name,
    email: c.email,
    level: c.level,
    role: c.role,
    language: c.language,
  }),
  fromRow: (r) => ({
    ...meta(r),
    partnerId: r.partner_id as string,
    name: r.name as string,
    email: r.email as string,
    level: r.level as Level,
    role: r.role as string,
    language: (r.language as string | null) ?? null,
  }),
};

export { meta as recordMeta };

/** Partners of one organization: a hierarchy of systems, organizations and teams. */
export class PartnerRepository extends VersionedRepository<'partners', Partner, PartnerInput> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, partnerMapping);
  }

  async list(options: { includeDeleted?: boolean } = {}): Promise<Partner[]> {
    let query = this.executor.selectFrom('partners').selectAll().where('organization_id', '=', this.orgId);
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('name').orderBy('id').execute();
    return rows.map((r) => partnerMapping.fromRow(r as never));
  }

  /** How many live partners there are. */
  async count(): Promise<number> {
    const row = await this.executor
      .selectFrom('partners')
      .select(sql<number>`count(*)`.as('n'))
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** People at partners, each with the level they act at. */
export class ContactRepository extends VersionedRepository<'contacts', Contact, ContactInput> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, contactMapping);
  }

  async list(options: { partnerId?: string; includeDeleted?: boolean } = {}): Promise<Contact[]> {
    let query = this.executor.selectFrom('contacts').selectAll().where('organization_id', '=', this.orgId);
    if (options.partnerId) query = query.where('partner_id', '=', options.partnerId);
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('name').orderBy('id').execute();
    return rows.map((r) => contactMapping.fromRow(r as never));
  }

  /** The ids among `ids` that are live contacts of this organization. */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.executor
      .selectFrom('contacts')
      .select('id')
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  }
}
