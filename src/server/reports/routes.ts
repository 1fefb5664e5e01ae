import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Report } from '../../analysis/reports/report.ts';
import type { Store } from '../../store/store.ts';
import { DescriptivesQuery, descriptivesFilter } from '../analysis/routes.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import {
  renderReport,
  reportFormats,
  type RenderedReport,
  type ReportFormat,
} from '../../app/reports/render-report.ts';

const Format = z.enum(reportFormats).default('html').describe('html (self-contained page, inline SVG charts) or pdf');
const EngagementReportParams = OrgParams.extend({ id: z.string().min(1).max(64) });
const today = (): string => new Date().toISOString().slice(0, 10);

const sendDownload = (reply: FastifyReply, rendered: RenderedReport) =>
  reply
    .type(rendered.contentType)
    .header('content-disposition', `attachment; filename="${rendered.fileName}"`)
    .send(rendered.body);

/** What a report route is told: its path parameters and its query, which always names the format. */
interface ReportRequest<Params, Query> {
  params: Params;
  query: Query;
}

/**
 * One report download: checks the caller may view the organization's records, builds the report,
 * renders it in the asked format and sends it as an attachment.
 */
function reportRoute<Params extends z.infer<typeof OrgParams>, Query extends { format: ReportFormat }>(
  app: FastifyInstance,
  store: Store,
  path: string,
  schema: { summary: string; params: z.ZodType<Params>; querystring: z.ZodType<Query> },
  build: (organizationId: string, request: ReportRequest<Params, Query>) => Promise<Report>,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    path,
    {
      schema: {
        tags: ['reports'],
        ...schema,
        produces: ['text/html', 'application/pdf'],
        description: 'Responds with the report as a download: text/html (one self-contained page) or application/pdf.',
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { params, query } = request as unknown as ReportRequest<Params, Query>;
      const access = await requireAccess(request, store, params.orgId, 'records.view');
      return sendDownload(
        reply,
        await renderReport(await build(access.organizationId, { params, query }), query.format),
      );
    },
  );
}

/** Engagement and organization reports as HTML or PDF downloads. */
export async function reportRoutes(app: FastifyInstance, { store }: { store: Store }) {
  reportRoute(
    app,
    store,
    '/api/orgs/:orgId/reports/engagements/:id',
    {
      summary:
        'Engagement report: dose, component mix, principles, activities, modes, stages, next steps, diversity and outcomes, with the dashboard charts',
      params: EngagementReportParams,
      querystring: z.strictObject({ format: Format }),
    },
    async (organizationId, { params }) => {
      // Loaded on first use: the statistics and parsing libraries it needs stay out of the server's start.
      const { engagementReport } = await import('../../app/reports/engagement-report.ts');
      return engagementReport(store, organizationId, params.id, today());
    },
  );
  reportRoute(
    app,
    store,
    '/api/orgs/:orgId/reports/organization',
    {
      summary:
        'Organization report over the selected engagements and period: the dashboard charts and the descriptives across engagements',
      params: OrgParams,
      querystring: DescriptivesQuery.extend({ format: Format }),
    },
    async (organizationId, { query: { format: _format, ...query } }) => {
      const { organizationReport } = await import('../../app/reports/organization-report.ts');
      return organizationReport(store, organizationId, descriptivesFilter(query), today());
    },
  );
}
