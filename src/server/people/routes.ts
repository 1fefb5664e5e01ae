import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ListOf, Person } from '../../domain/accounts/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';

/** The organization's people by name, for whoever may read its records (members.view shows emails and roles; this does not). */
export async function peopleRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/people',
    {
      schema: {
        tags: ['members'],
        summary: 'Members by id and name, for naming support teams and who logged a record',
        params: OrgParams,
        response: { 200: ListOf(Person), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      const members = await store.tenant(access.organizationId).members.list();
      return {
        items: members.map(({ userId, name }) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
  );
}
