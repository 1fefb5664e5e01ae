import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PartnerEngagementView, PartnerEngagements } from '../../domain/partner-view/schemas.ts';
import type { Store } from '../../store/store.ts';
import { listPartnerEngagements } from '../../app/partner-view/list-partner-engagements.ts';
import { showPartnerEngagement } from '../../app/partner-view/show-partner-engagement.ts';
import { requireAccess, requireUser } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams } from '../records.ts';

/**
 * The partner view: what a partner-role member sees of their own partner's engagements (and those of
 * the partners below it). Read-only; another partner's engagement is not found.
 */
export async function partnerViewRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/partner-view/engagements',
    {
      schema: {
        tags: ['partner view'],
        summary: 'A partner member’s engagements: their partner’s and those of the partners below it',
        params: OrgParams,
        response: { 200: PartnerEngagements, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'partner.view');
      const { userId } = requireUser(request);
      return listPartnerEngagements(store.tenant(access.organizationId), userId, new Date());
    },
  );

  r.get(
    '/api/orgs/:orgId/partner-view/engagements/:id',
    {
      schema: {
        tags: ['partner view'],
        summary:
          'One engagement as its partner sees it: plan, stages, progress, next steps assigned to them, surveys waiting',
        params: RecordParams,
        response: { 200: PartnerEngagementView, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'partner.view');
      const { userId } = requireUser(request);
      return showPartnerEngagement(store.tenant(access.organizationId), userId, request.params.id, new Date());
    },
  );
}
