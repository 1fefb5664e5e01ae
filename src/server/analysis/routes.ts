import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { organizationDescriptives } from './descriptives.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const DescriptivesQuery = z.strictObject({
  from: Month.optional(),
  to: Month.optional(),
  engagementId: z.union([z.string(), z.array(z.string())]).optional(),
});

/** Research views over the support record. */
export async function analysisRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/orgs/:orgId/analysis/descriptives',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Dose by month of relationship across engagements (mean, median, IQR), component mix, diversity (Shannon entropy), early vs later, transitions',
        params: OrgParams,
        querystring: DescriptivesQuery,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      const { from, to, engagementId } = request.query;
      const engagementIds = engagementId === undefined ? undefined : Array.isArray(engagementId) ? engagementId : [engagementId];
      return organizationDescriptives(store.tenant(access.organizationId), { fromMonth: from, toMonth: to, engagementIds }, new Date().toISOString().slice(0, 10));
    },
  );
}
