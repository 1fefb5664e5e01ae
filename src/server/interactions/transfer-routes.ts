import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { parseImportMapping, type ImportMapping } from '../../domain/support/import-mapping.ts';
import { InteractionInput } from '../../domain/support/schemas.ts';
import { tableFormats, type RowError } from '../../domain/support/interaction-table.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { exportFormats, exportRows, writeCsv } from '../../app/interactions/export-files.ts';
import { importInteractions } from '../../app/interactions/import-interactions.ts';
import { importRefusal } from '../../app/interactions/import-files.ts';
import {
  csvType,
  importBodyLimit,
  multipartType,
  receiveTableUpload,
  xlsxType,
  type TableUpload,
} from './table-upload.ts';

const importTypes = [csvType, xlsxType] as const;
/** A mapped import also takes a multipart form: the table as `file`, an inline mapping as `mapping`. */
const mappedImportTypes = [csvType, xlsxType, multipartType] as const;

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
  mapping: z
    .object({
      name: z.string(),
      source: z.enum(['qualtrics', 'table']),
      columns: z.array(z.string()),
      questions: z.array(z.string()),
    })
    .optional()
    .describe("a mapped import: the mapping's name, and the source's columns (and Qualtrics question text)"),
  preview: z
    .array(z.object({ row: z.number(), interaction: InteractionInput }))
    .optional()
    .describe('the first interactions as Praxis reads them, by the row they start on'),
});

const MappedQuery = z.strictObject({
  mappingId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(`a saved import mapping; an inline one is sent as the mapping field of a ${multipartType} body`),
});

/** How many interactions a preview shows. */
const previewRows = 20;

const ExportQuery = z.strictObject({
  format: z.enum(exportFormats),
  file: z
    .enum(['records', 'dictionary'])
    .default('records')
    .describe('REDCap only: the flat records or the data dictionary'),
});

/** The mapping a mapped import names: a saved one by id, or an inline document sent in the form. */
async function mappingOf(
  store: Store,
  organizationId: string,
  query: z.infer<typeof MappedQuery>,
  upload: TableUpload,
): Promise<ImportMapping> {
  if (query.mappingId !== undefined) {
    if (upload.inlineMapping !== undefined)
      throw invalid('Give either a saved mapping or an inline one', [
        { path: 'body.mapping', message: 'must be omitted when mappingId is given' },
      ]);
    const saved = await store.tenant(organizationId).importMappings.find(query.mappingId);
    if (!saved) throw notFound('Import mapping');
    return saved.mapping;
  }
  if (upload.inlineMapping === undefined)
    throw invalid('A mapped import needs a mapping', [
      {
        path: 'query.mappingId',
        message: `is required unless the body is a ${multipartType} form with a mapping field`,
      },
    ]);
  const parsed = parseImportMapping(upload.inlineMapping);
  if ('errors' in parsed)
    throw invalid(
      'The mapping is not a valid import mapping',
      parsed.errors.map((e) => ({ path: `body.mapping${e.path ? `.${e.path}` : ''}`, message: e.message })),
    );
  return parsed.mapping;
}

/** Interactions in and out as files: import a CSV or XLSX body (all or nothing), export CSV in the long, wide or REDCap layout. */
export async function interactionTransferRoutes(app: FastifyInstance, { store }: { store: Store }) {
  // Here the only bodies are files, kept as streams that the handler spools to a temporary file under
  // the size limit; JSON is not parsed (a JSON body gets 415, not a parse of up to the import's limit).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...mappedImportTypes], (_request, payload, done) => done(null, payload));
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
      const upload = await receiveTableUpload(request);
      try {
        const report = await importInteractions(store, access.organizationId, upload.file, {
          kind: upload.kind,
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

  /** A mapped import or its preview: the body spooled, read through its mapping, the upload removed. */
  const mappedImport = async (
    upload: TableUpload,
    query: z.infer<typeof MappedQuery>,
    access: { organizationId: string; actor: string },
    dryRun: boolean,
    preview: number | undefined,
  ) => {
    try {
      const mapping = await mappingOf(store, access.organizationId, query, upload);
      const { organizationId, actor } = access;
      return await importInteractions(store, organizationId, upload.file, {
        kind: upload.kind,
        dryRun,
        actor,
        mapping,
        preview,
      });
    } finally {
      await upload.remove();
    }
  };

  r.post(
    '/api/orgs/:orgId/interactions/import/preview',
    {
      bodyLimit: importBodyLimit,
      config: { contentTypes: mappedImportTypes },
      schema: {
        tags: ['interactions'],
        summary: `Preview a mapped import of a CSV or XLSX body, or of a ${multipartType} form with the fields file and mapping (docs/import-mapping.md): the first ${previewRows} interactions as Praxis reads them and every problem by row and column; nothing is written`,
        params: OrgParams,
        querystring: MappedQuery,
        response: { 200: ImportReport, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return mappedImport(await receiveTableUpload(request), request.query, access, true, previewRows);
    },
  );

  r.post(
    '/api/orgs/:orgId/interactions/import/mapped',
    {
      bodyLimit: importBodyLimit,
      config: { contentTypes: mappedImportTypes },
      schema: {
        tags: ['interactions'],
        summary: `Import interactions from a CSV or XLSX body through a saved mapping, or from a ${multipartType} form with the fields file and mapping (docs/import-mapping.md): every bad row reported, all or nothing`,
        params: OrgParams,
        querystring: MappedQuery.extend({ dryRun: ImportQuery.shape.dryRun }),
        response: { 200: ImportReport, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { dryRun, ...query } = request.query;
      const upload = await receiveTableUpload(request);
      const report = await mappedImport(upload, query, access, dryRun === 'true', undefined);
      if (report.errorCount > 0) throw importRefusal(report);
      return report;
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
