import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateOrganizationRequest, Id, ListOf, OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import type { Store } from '../../store/store.ts';
import { createOrganization } from '../../app/accounts/create-organization.ts';
import { requireAccess, requireUser } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';

export const OrgParams = z.object({ orgId: Id });

/** The organizations a person belongs to; anyone signed in may start a new one and becomes its administrator. */
export async function organizationRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Organizations you belong to',
        response: { 200: ListOf(OrganizationWithRole), ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal?.kind === 'token') {
        const org = await store.organizations.findById(principal.organizationId);
        return { items: org ? [{ id: org.id, name: org.name, slug: org.slug, role: principal.role }] : [] };
      }
      const { userId } = requireUser(request);
      return { items: await store.organizations.listForUser(userId) };
    },
  );

  r.post(
    '/api/orgs',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization (you become its administrator)',
        body: CreateOrganizationRequest,
        response: { 201: OrganizationWithRole, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { userId } = requireUser(request);
      const organization = await createOrganization(store, request.body, { userId }, userId);
      return reply.status(201).send(organization);
    },
  );

  r.get(
    '/api/orgs/:orgId',
    {
      schema: {
        tags: ['organizations'],
        summary: 'One organization and your role in it',
        params: OrgParams,
        response: { 200: OrganizationWithRole, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'organization.view');
      const org = (await store.organizations.findById(access.organizationId))!;
      return { id: org.id, name: org.name, slug: org.slug, role: access.role };
    },
  );
}
