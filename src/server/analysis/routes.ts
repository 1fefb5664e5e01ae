import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boundedList, limits } from '../../model/limits.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import type { DescriptivesFilter } from '../../app/analysis/descriptives.ts';
import { organizationDescriptives, organizationPracticeUse } from '../../app/analysis/descriptives.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const Id = z.string().min(1).max(64);
export const DescriptivesQuery = z.strictObject({
  from: Month.optional().describe('first calendar month, YYYY-MM'),
  to: Month.optional().describe('last calendar month, YYYY-MM'),
  engagementId: z
    .union([Id, boundedList(Id, limits.descriptivesEngagements)])
    .optional()
    .describe('one or more engagements'),
  partnerId: Id.optional().describe('a partner and every partner below it (a system, organization or team)'),
  region: z.string().max(100).optional().describe("the partner's region"),
  ispId: Id.optional().describe('a practitioner on the support team'),
  stageId: Id.optional().describe('the stage engagements are in today'),
});
export type DescriptivesQuery = z.infer<typeof DescriptivesQuery>;

/** The filter a descriptives query asks for. */
export function descriptivesFilter(query: DescriptivesQuery): DescriptivesFilter {
  const { from, to, engagementId, partnerId, region, ispId, stageId } = query;
  return {
    fromMonth: from,
    toMonth: to,
    engagementIds: engagementId === undefined ? undefined : Array.isArray(engagementId) ? engagementId : [engagementId],
    partnerId,
    region: region || undefined,
    ispId,
    stageId,
  };
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Research views over the support record. */
export async function analysisRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/orgs/:orgId/analysis/descriptives',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'From the rollups: dose by calendar month and by month of relationship across engagements (mean, median, IQR), component mix, diversity (Shannon entropy), early vs later, transitions, stage timing',
        params: OrgParams,
        querystring: DescriptivesQuery,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return organizationDescriptives(store.tenant(access.organizationId), descriptivesFilter(request.query), today());
    },
  );
  r.get(
    '/api/orgs/:orgId/analysis/practice-use',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'From the interactions: mode mix, principle use and practice-activity use rates of the selected engagements',
        params: OrgParams,
        querystring: DescriptivesQuery,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return organizationPracticeUse(store.tenant(access.organizationId), descriptivesFilter(request.query), today());
    },
  );
}
