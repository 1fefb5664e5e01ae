import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { showHome } from '../../app/home/show-home.ts';
import { Home } from '../../domain/home/views.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';

/** The home page of the caller's role: the first screen after signing in. */
export async function homeRoutes(app: FastifyInstance, { store }: { store: Store }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/orgs/:orgId/home',
    {
      schema: {
        tags: ['home'],
        summary:
          "The caller's home: a practitioner's engagements, next steps and waves due; a lead's team and overdue next steps; a researcher's data freshness and hypotheses; an administrator's setup checklist",
        params: OrgParams,
        response: { 200: Home, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'organization.view');
      const personId = request.principal?.kind === 'session' ? request.principal.userId : null;
      return showHome(
        store.tenant(access.organizationId),
        { role: access.role, personId },
        new Date().toISOString().slice(0, 10),
      );
    },
  );
}
