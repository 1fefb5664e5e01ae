import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { Contact, ContactInput, Id, Partner, PartnerInput, Versioned } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams, recordLifecycleRoutes } from '../records.ts';
import { createContact } from '../../app/partners/create-contact.ts';
import { createPartner } from '../../app/partners/create-partner.ts';
import { deletePartner } from '../../app/partners/delete-partner.ts';
import { restorePartner } from '../../app/partners/restore-partner.ts';
import { updateContact } from '../../app/partners/update-contact.ts';
import { updatePartner } from '../../app/partners/update-partner.ts';

const ListQuery = z.strictObject({ includeDeleted: z.enum(['true', 'false']).default('false') });
const ContactQuery = ListQuery.extend({ partnerId: Id.optional() });

/** Partners (a system → organization → team hierarchy) and their contacts. */
export async function partnerRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/partners',
    {
      schema: {
        tags: ['partners'],
        summary: 'List partners',
        params: OrgParams,
        querystring: ListQuery,
        response: { 200: ListOf(Partner), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return {
        items: await store
          .tenant(access.organizationId)
          .partners.list({ includeDeleted: request.query.includeDeleted === 'true' }),
      };
    },
  );
  r.post(
    '/api/orgs/:orgId/partners',
    {
      schema: {
        tags: ['partners'],
        summary: 'Create a partner',
        params: OrgParams,
        body: PartnerInput,
        response: { 201: Partner, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return reply.status(201).send(await createPartner(store, access.organizationId, request.body, access.actor));
    },
  );
  r.put(
    '/api/orgs/:orgId/partners/:id',
    {
      schema: {
        tags: ['partners'],
        summary: 'Update a partner (send the version you edited; a stale one gets 409)',
        params: RecordParams,
        body: PartnerInput.extend(Versioned.shape),
        response: { 200: Partner, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { version, ...input } = request.body;
      return updatePartner(store, access.organizationId, request.params.id, version, input, access.actor);
    },
  );
  recordLifecycleRoutes(app, store, {
    path: 'partners',
    entity: 'partner',
    tag: 'partners',
    label: 'partner',
    schema: Partner,
    find: (tenant, id) => tenant.partners.find(id, { includeDeleted: true }),
    remove: deletePartner,
    restore: restorePartner,
    view: 'records.view',
    edit: 'records.edit',
  });

  r.get(
    '/api/orgs/:orgId/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'List contacts, optionally of one partner',
        params: OrgParams,
        querystring: ContactQuery,
        response: { 200: ListOf(Contact), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return {
        items: await store.tenant(access.organizationId).contacts.list({
          partnerId: request.query.partnerId,
          includeDeleted: request.query.includeDeleted === 'true',
        }),
      };
    },
  );
  r.post(
    '/api/orgs/:orgId/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Create a contact',
        params: OrgParams,
        body: ContactInput,
        response: { 201: Contact, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return reply.status(201).send(await createContact(store, access.organizationId, request.body, access.actor));
    },
  );
  r.put(
    '/api/orgs/:orgId/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Update a contact',
        params: RecordParams,
        body: ContactInput.extend(Versioned.shape),
        response: { 200: Contact, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { version, ...input } = request.body;
      return updateContact(store, access.organizationId, request.params.id, version, input, access.actor);
    },
  );
  recordLifecycleRoutes(app, store, {
    path: 'contacts',
    entity: 'contact',
    tag: 'contacts',
    label: 'contact',
    schema: Contact,
    find: (tenant, id) => tenant.contacts.find(id, { includeDeleted: true }),
    remove: (s, orgId, id, version, actor) =>
      s.transaction((tx) => tx.tenant(orgId).contacts.softDelete(id, version, actor)),
    restore: (s, orgId, id, actor) => s.transaction((tx) => tx.tenant(orgId).contacts.restore(id, actor)),
    view: 'records.view',
    edit: 'records.edit',
  });
}
