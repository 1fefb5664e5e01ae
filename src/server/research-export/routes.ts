import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IsoDate } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { generateExportKey } from '../../app/research-export/generate-export-key.ts';
import { updateResearchSettings } from '../../app/research-export/update-research-settings.ts';
import { ResearchSettings, researchSettingsEntity, StoredResearchSettings } from '../../domain/accounts/schemas.ts';
import { HistoryEntry } from '../../domain/history.ts';

/** The export key travels in this header, never in the URL, so that it stays out of logs and browser history. */
export const exportKeyHeader = 'x-export-key';

const ResearchExportQuery = z.strictObject({
  from: IsoDate.optional().describe('only interactions and waves on or after this date'),
  to: IsoDate.optional().describe('only interactions and waves on or before this date'),
  engagementId: Id.optional().describe('only this engagement'),
});

/** The de-identified research export as a zip download (docs/research-export.md). */
export async function researchExportRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/orgs/:orgId/exports/research',
    {
      schema: {
        tags: ['analysis'],
        summary: `De-identified research export (application/zip): tidy CSVs with keyed pseudonyms, codebook, model documents, REDCap dictionaries and analysis.R. Send the export key in the ${exportKeyHeader} header (at least 16 characters); without one a new key is generated and returned in the same header.`,
        params: OrgParams,
        querystring: ResearchExportQuery,
        headers: z.object({
          [exportKeyHeader]: z.string().max(1000).optional().describe('the export key of the pseudonyms'),
        }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'research.export');
      const given = request.headers[exportKeyHeader];
      const key = typeof given === 'string' && given !== '' ? given : generateExportKey();
      const body = new PassThrough();
      // Loaded on first use: the statistics and parsing libraries it needs stay out of the server's start.
      const { startResearchExport } = await import('../../app/research-export/start-research-export.ts');
      const { exportedAt, written } = await startResearchExport(
        store,
        access.organizationId,
        { key, from: request.query.from, to: request.query.to, engagementId: request.query.engagementId },
        body,
      );
      written.catch((error: unknown) => {
        request.log.error({ err: error }, 'research export failed while streaming');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      if (key !== given) reply.header(exportKeyHeader, key);
      const name = `praxis-research-export-${exportedAt.toISOString().slice(0, 10)}.zip`;
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(body as never); // a stream is sent as is, never serialized
    },
  );
  r.get(
    '/api/orgs/:orgId/research-settings',
    {
      schema: {
        tags: ['analysis'],
        summary: 'What the organization lets into its research export (coaching tables: off by default)',
        params: OrgParams,
        response: { 200: StoredResearchSettings, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'research.export');
      return store.tenant(access.organizationId).researchSettings.get();
    },
  );
  r.get(
    '/api/orgs/:orgId/research-settings/history',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Every change of the research settings: who, when, what changed',
        params: OrgParams,
        response: { 200: z.object({ items: z.array(HistoryEntry) }), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'history.view');
      return {
        items: await store.tenant(access.organizationId).history(researchSettingsEntity, access.organizationId),
      };
    },
  );
  r.put(
    '/api/orgs/:orgId/research-settings',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'Change what the research export may hold (administrators; send the version you edited, 0 before the first save). Each change is kept in the history (entity research_settings).',
        params: OrgParams,
        body: z.strictObject({ settings: ResearchSettings, version: z.number().int().min(0) }),
        response: { 200: StoredResearchSettings, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'coaching.settings');
      return updateResearchSettings(
        store,
        access.organizationId,
        request.body.settings,
        request.body.version,
        access.actor,
      );
    },
  );
}
