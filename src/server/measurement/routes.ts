import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { instrumentFormats } from '../../domain/measurement/formats.ts';
import { formatRedcapRecords } from '../../domain/measurement/redcap-records.ts';
import { responseTable } from '../../domain/measurement/response-table.ts';
import { Instrument } from '../../domain/measurement/instrument.ts';
import {
  CreatedInvitation,
  DirectResponseInput,
  EngagementOutcomeChange,
  EngagementOutcomes,
  InstrumentSummary,
  InvitationInput,
  StoredScore,
  SurveyResponse,
  Wave,
  WaveInput,
  WaveProgress,
} from '../../domain/measurement/schemas.ts';
import { formatCsv } from '../../domain/csv.ts';
import { invalid } from '../../domain/errors.ts';
import { Versioned } from '../../domain/support/schemas.ts';
import { waveMapping } from '../../store/repositories/measurement-waves.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams, recordLifecycleRoutes } from '../records.ts';
import { listInstruments } from '../../app/measurement/list-instruments.ts';
import { publishInstrument } from '../../app/measurement/publish-instrument.ts';
import { requireInstrument } from '../../app/measurement/instruments.ts';
import { createWave } from '../../app/measurement/create-wave.ts';
import { deleteWave } from '../../app/measurement/delete-wave.ts';
import { enterResponse } from '../../app/measurement/enter-response.ts';
import { importRedcapResponses } from '../../app/measurement/import-redcap-responses.ts';
import { inviteRespondent } from '../../app/measurement/invite-respondent.ts';
import { restoreWave } from '../../app/measurement/restore-wave.ts';
import { revokeInvitation } from '../../app/measurement/revoke-invitation.ts';
import { updateWave } from '../../app/measurement/update-wave.ts';
import { waveProgress } from '../../app/measurement/wave-progress.ts';

const InstrumentParams = OrgParams.extend({ instrumentId: z.string().min(1).max(120) });
const WaveParams = RecordParams;
const VersionQuery = z.strictObject({ version: z.string().max(100).optional() });
const ExportQuery = VersionQuery.extend({ format: z.enum(instrumentFormats).default('json') });
const InstrumentSubmission = z.union([
  z.strictObject({ document: z.unknown() }),
  z.strictObject({ text: z.string().max(2_000_000), format: z.enum(instrumentFormats).optional() }),
]);
const Published = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  publishedAt: z.string(),
  rescored: z.number().int(),
});
const RecordsQuery = z.strictObject({ instrumentId: z.string().min(1).max(120) });
const RecordsImport = z.strictObject({ instrumentId: z.string().min(1).max(120), csv: z.string().max(20_000_000) });
const ResponseWithScores = SurveyResponse.extend({ scores: z.array(StoredScore) });

const contentTypes = {
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  redcap: 'text/csv; charset=utf-8',
} as const;
const extensions = { json: 'json', yaml: 'yaml', redcap: 'csv' } as const;

/** Outcome measurement: instruments, waves, survey invitations, responses and outcome scores. */
export async function measurementRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tag = ['measurement'];

  r.get(
    '/api/orgs/:orgId/instruments',
    {
      schema: {
        tags: tag,
        summary: 'Instruments: built-in, generated from models, and published here',
        params: OrgParams,
        response: { 200: ListOf(InstrumentSummary), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      return { items: await listInstruments(store.tenant(access.organizationId)) };
    },
  );

  r.get(
    '/api/orgs/:orgId/instruments/:instrumentId',
    {
      schema: {
        tags: tag,
        summary: 'One instrument (latest version, or ?version=)',
        params: InstrumentParams,
        querystring: VersionQuery,
        response: { 200: Instrument, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const { instrumentId } = request.params;
      return requireInstrument(
        store.tenant(access.organizationId),
        request.query.version ? `${instrumentId}@${request.query.version}` : instrumentId,
      );
    },
  );

  r.get(
    '/api/orgs/:orgId/instruments/:instrumentId/export',
    {
      schema: {
        tags: tag,
        summary: 'Download an instrument as JSON, YAML or a REDCap data dictionary',
        params: InstrumentParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const { instrumentId } = request.params;
      const instrument = await requireInstrument(
        store.tenant(access.organizationId),
        request.query.version ? `${instrumentId}@${request.query.version}` : instrumentId,
      );
      const format = request.query.format;
      // Loaded on first use: the statistics and parsing libraries it needs stay out of the server's start.
      const { formatInstrument } = await import('../../domain/measurement/format.ts');
      return reply
        .type(contentTypes[format])
        .header(
          'content-disposition',
          `attachment; filename="${instrument.id}-${instrument.version}.${extensions[format]}"`,
        )
        .send(formatInstrument(instrument, format));
    },
  );

  r.post(
    '/api/orgs/:orgId/instruments',
    {
      schema: {
        tags: tag,
        summary:
          'Publish an instrument or a new version (JSON document, or JSON/YAML/REDCap dictionary text); recomputes its scores',
        params: OrgParams,
        body: InstrumentSubmission,
        response: { 201: Published, ...errorResponses },
      },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'instruments.publish');
      let document: unknown;
      if ('document' in request.body) document = request.body.document;
      else {
        const { parseInstrumentText } = await import('../../domain/measurement/format.ts');
        const parsed = parseInstrumentText(request.body.text, request.body.format);
        if (!parsed.ok) throw invalid('The instrument does not parse', parsed.errors);
        document = parsed.value;
      }
      return reply.status(201).send(await publishInstrument(store, access.organizationId, document, access.actor));
    },
  );

  r.get(
    '/api/orgs/:orgId/engagements/:id/waves',
    {
      schema: {
        tags: tag,
        summary: 'Measurement waves of an engagement, by date',
        params: RecordParams,
        response: { 200: ListOf(Wave), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const tenant = store.tenant(access.organizationId);
      await tenant.engagements.require(request.params.id);
      return { items: await tenant.waves.listForEngagement(request.params.id) };
    },
  );

  r.post(
    '/api/orgs/:orgId/engagements/:id/waves',
    {
      schema: {
        tags: tag,
        summary: 'Plan a measurement wave (baseline, follow-up or ad hoc) with its instruments',
        params: RecordParams,
        body: WaveInput,
        response: { 201: Wave, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      return reply
        .status(201)
        .send(await createWave(store, access.organizationId, request.params.id, request.body, access.actor));
    },
  );

  r.get(
    '/api/orgs/:orgId/engagements/:id/outcomes',
    {
      schema: {
        tags: tag,
        summary: 'Score history per outcome and level, wave by wave (n, mean, SD; units as the mean of their members)',
        params: RecordParams,
        response: { 200: EngagementOutcomes, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const { engagementOutcomes } = await import('../../app/measurement/outcomes.ts');
      return engagementOutcomes(store.tenant(access.organizationId), request.params.id);
    },
  );

  r.put(
    '/api/orgs/:orgId/waves/:id',
    {
      schema: {
        tags: tag,
        summary: 'Edit a wave (send the version you edited; a stale one gets 409)',
        params: RecordParams,
        body: WaveInput.extend(Versioned.shape),
        response: { 200: Wave, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      const { version, ...input } = request.body;
      return updateWave(store, access.organizationId, request.params.id, version, input, access.actor);
    },
  );

  recordLifecycleRoutes(app, store, {
    path: 'waves',
    entity: waveMapping.entity,
    tag: 'measurement',
    label: 'wave',
    schema: Wave,
    find: (tenant, id) => tenant.waves.find(id, { includeDeleted: true }),
    remove: deleteWave,
    restore: restoreWave,
    view: 'measures.view',
    edit: 'measures.manage',
  });

  r.get(
    '/api/orgs/:orgId/waves/:id/progress',
    {
      schema: {
        tags: tag,
        summary:
          'Response progress of a wave: each survey link with its status (unused, started, submitted, expired, revoked) and counts',
        params: WaveParams,
        response: { 200: WaveProgress, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      return waveProgress(store.tenant(access.organizationId), request.params.id);
    },
  );

  r.get(
    '/api/orgs/:orgId/engagements/:id/outcomes/change',
    {
      schema: {
        tags: tag,
        summary:
          'Outcome change between waves and trajectories per outcome and level: n, mean, SD per wave; change from baseline and between consecutive waves; paired change with the Wilcoxon signed-rank test',
        params: RecordParams,
        response: { 200: EngagementOutcomeChange, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const { engagementOutcomeChange } = await import('../../app/measurement/outcomes.ts');
      return engagementOutcomeChange(store.tenant(access.organizationId), request.params.id);
    },
  );

  r.get(
    '/api/orgs/:orgId/waves/:id/responses',
    {
      schema: {
        tags: tag,
        summary: 'Responses and open invitations of a wave (response progress)',
        params: WaveParams,
        response: { 200: ListOf(SurveyResponse), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const tenant = store.tenant(access.organizationId);
      await tenant.waves.require(request.params.id);
      return { items: await tenant.responses.listForWave(request.params.id) };
    },
  );

  r.post(
    '/api/orgs/:orgId/waves/:id/invitations',
    {
      schema: {
        tags: tag,
        summary: 'Create a single-use survey link (the token is shown once)',
        params: WaveParams,
        body: InvitationInput,
        response: { 201: CreatedInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      return reply
        .status(201)
        .send(await inviteRespondent(store, access.organizationId, request.params.id, request.body, access.actor));
    },
  );

  r.post(
    '/api/orgs/:orgId/waves/:id/responses',
    {
      schema: {
        tags: tag,
        summary: 'Enter a response or a team/organization/system rating directly; scored at once',
        params: WaveParams,
        body: DirectResponseInput,
        response: { 201: SurveyResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      return reply
        .status(201)
        .send(await enterResponse(store, access.organizationId, request.params.id, request.body, access.actor));
    },
  );

  r.get(
    '/api/orgs/:orgId/waves/:id/records.csv',
    {
      schema: {
        tags: tag,
        summary:
          'Submitted answers to one instrument of a wave as a REDCap flat CSV (record_id = response id; anonymous ones included, no identities)',
        params: WaveParams,
        querystring: RecordsQuery,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const tenant = store.tenant(access.organizationId);
      const wave = await tenant.waves.require(request.params.id);
      const ref = wave.instruments.find((i) => i.instrumentId === request.query.instrumentId);
      if (!ref)
        throw invalid('The wave does not use this instrument', [
          { path: 'query.instrumentId', message: `"${request.query.instrumentId}" is not an instrument of this wave` },
        ]);
      const instrument = await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`);
      const responses = (await tenant.responses.listForWave(wave.id)).filter((r) => r.status === 'submitted');
      const csv = formatRedcapRecords(
        instrument,
        responses.map((r) => ({ recordId: r.id, answers: r.answers[instrument.id] ?? {} })),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${instrument.id}-${wave.id}.csv"`)
        .send(csv);
    },
  );

  r.get(
    '/api/orgs/:orgId/waves/:id/responses/export',
    {
      schema: {
        tags: tag,
        summary: 'Submitted answers and scores of one instrument of a wave as a wide CSV or XLSX table',
        params: WaveParams,
        querystring: RecordsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const tenant = store.tenant(access.organizationId);
      const wave = await tenant.waves.require(request.params.id);
      const ref = wave.instruments.find((i) => i.instrumentId === request.query.instrumentId);
      if (!ref)
        throw invalid('The wave does not use this instrument', [
          { path: 'query.instrumentId', message: `"${request.query.instrumentId}" is not an instrument of this wave` },
        ]);
      const instrument = await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`);
      const table = responseTable(
        instrument,
        await tenant.responses.listForWave(wave.id),
        await tenant.scores.listForEngagement(wave.engagementId),
      );
      const name = `${instrument.id}-${wave.id}`;
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(formatCsv([table.header, ...table.rows], { recordDelimiter: 'windows' }));
      }
      // ExcelJS loads with the first workbook asked for, not with the server.
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('responses');
      sheet.addRow(table.header);
      for (const row of table.rows) sheet.addRow(row);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buffer);
    },
  );

  r.post(
    '/api/orgs/:orgId/waves/:id/records',
    {
      schema: {
        tags: tag,
        summary:
          'Import a REDCap flat CSV of one instrument as anonymous individual responses (all or nothing; errors by row and column)',
        params: WaveParams,
        body: RecordsImport,
        response: { 201: z.object({ imported: z.number().int() }), ...errorResponses },
      },
      bodyLimit: 20 * 1024 * 1024,
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      return reply
        .status(201)
        .send(
          await importRedcapResponses(
            store,
            access.organizationId,
            request.params.id,
            request.body.instrumentId,
            request.body.csv,
            access.actor,
          ),
        );
    },
  );

  r.get(
    '/api/orgs/:orgId/responses/:id',
    {
      schema: {
        tags: tag,
        summary: 'One response with its scores',
        params: RecordParams,
        response: { 200: ResponseWithScores, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      const tenant = store.tenant(access.organizationId);
      const response = await tenant.responses.require(request.params.id);
      return { ...response, scores: await tenant.scores.listForResponse(response.id) };
    },
  );

  r.post(
    '/api/orgs/:orgId/responses/:id/revoke',
    {
      schema: {
        tags: tag,
        summary: 'Withdraw a survey link; saved answers are kept',
        params: RecordParams,
        response: { 200: SurveyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      return revokeInvitation(store, access.organizationId, request.params.id, access.actor);
    },
  );
}
