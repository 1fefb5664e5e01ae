import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { tableFormats, type RowError } from '../../domain/support/interaction-table.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { unsupportedContentType } from '../errors.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { exportFormats, exportRows, writeCsv } from '../../app/interactions/export-files.ts';
import { importInteractions } from '../../app/interactions/import-interactions.ts';
import { importRefusal, spoolToTempFile, type TableFileKind } from '../../app/interactions/import-files.ts';

const csvType = 'text/csv';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const importTypes = [csvType, xlsxType] as const;
/** Imports are files, far larger than any JSON request. */
export const importBodyLimit = 100 * 1024 * 1024;

const ImportQuery = z.strictObject({
  format: z.enum(tableFormats).optional().describe('layout of the file; inferred from its header when omitted'),
  dryRun: z.enum(['true', 'false']).default('false').describe('check every row and write nothing'),
});

const ImportReport = z.object({
  format: z.enum(tableFormats).nullable(),
  dryRun: z.boolean(),
  rowsRead: z.number(),
  interactions: z.number(),
  written: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })) satisfies z.ZodType<
    RowError[]
  >,
  errorCount: z.number(),
});

const ExportQuery = z.strictObject({
  format: z.enum(exportFormats),
  file: z
    .enum(['records', 'dictionary'])
    .default('records')
    .describe('REDCap only: the flat records or the data dictionary'),
});

/** Interactions in and out as files: import a CSV or XLSX body (all or nothing), export CSV in the long, wide or REDCap layout. */
export async function interactionTransferRoutes(app: FastifyInstance, { store }: { store: Store }) {
  // Here the only bodies are files, kept as streams that the handler spools to a temporary file under
  // the size limit; JSON is not parsed (a JSON body gets 415, not a parse of up to the import's limit).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...importTypes], (_request, payload, done) => done(null, payload));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/orgs/:orgId/interactions/import',
    {
      bodyLimit: importBodyLimit,
      config: { contentTypes: importTypes },
      schema: {
        tags: ['interactions'],
        summary: `Import interactions from a CSV (${csvType}) or XLSX (${xlsxType}) request body: every bad row reported, all or nothing`,
        params: OrgParams,
        querystring: ImportQuery,
        response: { 200: ImportReport, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      // A request without a body (and so without a content type) reaches the handler unparsed.
      if (!(request.body instanceof Readable)) throw unsupportedContentType(request);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const kind: TableFileKind = contentType === xlsxType ? 'xlsx' : 'csv';
      const upload = await spoolToTempFile(request.body, kind === 'xlsx' ? '.xlsx' : '.csv', importBodyLimit);
      try {
        const report = await importInteractions(store, access.organizationId, upload.file, {
          kind,
          format: request.query.format,
          dryRun: request.query.dryRun === 'true',
          actor: access.actor,
        });
        if (report.errorCount > 0) throw importRefusal(report);
        return report;
      } finally {
        await upload.remove();
      }
    },
  );

  r.get(
    '/api/orgs/:orgId/interactions/export',
    {
      schema: {
        tags: ['interactions'],
        summary:
          'Export live interactions as CSV: long or wide layout, or REDCap (records, or its data dictionary with file=dictionary)',
        params: OrgParams,
        querystring: ExportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      const { format, file } = request.query;
      if (format !== 'redcap' && request.query.file === 'dictionary')
        throw new AppError('validation_failed', 'Only a REDCap export has a dictionary', [
          { path: 'query.file', message: 'must be records unless format is redcap' },
        ]);
      const name = format === 'redcap' ? `interactions-redcap-${file}.csv` : `interactions-${format}.csv`;
      const rows = exportRows(store, access.organizationId, format, file);
      const body = new PassThrough();
      writeCsv(rows, body, { bom: format !== 'redcap' }).catch((error: unknown) => {
        request.log.error({ err: error }, 'export failed while streaming');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body as never); // a stream is sent as is, never serialized
    },
  );
}
