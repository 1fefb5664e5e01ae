import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/store.ts';
import { DescriptivesQuery, descriptivesFilter } from '../analysis/routes.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import type { RenderedReport } from './operations.ts';
import { engagementReport, organizationReport, renderReport, reportFormats } from './operations.ts';

const Format = z.enum(reportFormats).default('html').describe('html (self-contained page, inline SVG charts) or pdf');
const EngagementReportParams = OrgParams.extend({ id: z.string().min(1).max(64) });
const today = (): string => new Date().toISOString().slice(0, 10);

const send = (reply: FastifyReply, rendered: RenderedReport) =>
  reply.type(rendered.contentType).header('content-disposition', `attachment; filename="${rendered.fileName}"`).send(rendered.body);


/** Engagement and organization reports as HTML or PDF downloads. */
export async function reportRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/orgs/:orgId/reports/engagements/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Engagement report: dose, component mix, principles, activities, modes, stages, next steps, diversity and outcomes, with the dashboard charts',
        params: EngagementReportParams,
        querystring: z.strictObject({ format: Format }),
        produces: ['text/html', 'application/pdf'],
        description: 'Responds with the report as a download: text/html (one self-contained page) or application/pdf.',
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      const report = await engagementReport(store, access.organizationId, request.params.id, today());
      return send(reply, await renderReport(report, request.query.format));
    },
  );
  r.get(
    '/api/orgs/:orgId/reports/organization',
    {
      schema: {
        tags: ['reports'],
        summary: 'Organization report over the selected engagements and period: the dashboard charts and the descriptives across engagements',
        params: OrgParams,
        querystring: DescriptivesQuery.extend({ format: Format }),
        produces: ['text/html', 'application/pdf'],
        description: 'Responds with the report as a download: text/html (one self-contained page) or application/pdf.',
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      const { format, ...query } = request.query;
      const report = await organizationReport(store, access.organizationId, descriptivesFilter(query), today());
      return send(reply, await renderReport(report, format));
    },
  );
}
