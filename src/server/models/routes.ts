import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { ModelSubmission, ModelSummary, ModelValidationResult, PublishedModel } from '../../domain/models.ts';
import { renderModelDiagram, type LinkOverlayValue } from '../../model/diagram.ts';
import { evidenceColors } from '../../domain/hypotheses/schemas.ts';
import { formatModelRef } from '../../model/versions.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { checkModel } from '../../app/models/check-model.ts';
import { listModels } from '../../app/models/list-models.ts';
import { publishModel } from '../../app/models/publish-model.ts';
import { requireModel } from '../../app/models/require-model.ts';
import { validationResult } from '../../app/models/validation-result.ts';

const ModelParams = OrgParams.extend({ modelId: z.string().min(1).max(100) });
const VersionQuery = z.strictObject({ version: z.string().max(100).optional() });
const ExportQuery = VersionQuery.extend({ format: z.enum(['json', 'yaml']).default('json') });
const DiagramQuery = VersionQuery.extend({ overlay: z.enum(['none', 'status', 'evidence']).default('none') });

const statusColors: Record<string, string> = {
  hypothesized: '#9ca3af',
  supported: '#15803d',
  mixed: '#ca8a04',
  refuted: '#b91c1c',
};

/** Practice models: list, read, export, diagram, validate and publish (administrators). */
export async function modelRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ref = (modelId: string, version?: string) =>
    formatModelRef(version ? { id: modelId, version } : { id: modelId });

  r.get(
    '/api/orgs/:orgId/models',
    {
      schema: {
        tags: ['models'],
        summary: 'Practice models of the organization, each with its versions',
        params: OrgParams,
        response: { 200: ListOf(ModelSummary), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'models.view');
      return { items: await listModels(store.tenant(access.organizationId)) };
    },
  );

  r.get(
    '/api/orgs/:orgId/models/:modelId',
    {
      schema: {
        tags: ['models'],
        summary: 'One model document (latest version, or ?version=)',
        description: 'The document follows docs/model.schema.json.',
        params: ModelParams,
        querystring: VersionQuery,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'models.view');
      return requireModel(store.tenant(access.organizationId), ref(request.params.modelId, request.query.version));
    },
  );

  r.get(
    '/api/orgs/:orgId/models/:modelId/export',
    {
      schema: {
        tags: ['models'],
        summary: 'Download a model as JSON or YAML',
        params: ModelParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'models.view');
      const model = await requireModel(
        store.tenant(access.organizationId),
        ref(request.params.modelId, request.query.version),
      );
      const format = request.query.format;
      // Loaded on first use: the statistics and parsing libraries it needs stay out of the server's start.
      const { formatModel } = await import('../../model/format.ts');
      return reply
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${model.id}-${model.version}.${format === 'json' ? 'json' : 'yaml'}"`,
        )
        .send(formatModel(model, format));
    },
  );

  r.get(
    '/api/orgs/:orgId/models/:modelId/diagram.svg',
    {
      schema: {
        tags: ['models'],
        summary:
          'The theory-of-change diagram as SVG; ?overlay=status colours links by their status in the model, ?overlay=evidence by the runs of locked hypotheses (researchers, leads, administrators)',
        params: ModelParams,
        querystring: DiagramQuery,
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'models.view');
      const model = await requireModel(
        store.tenant(access.organizationId),
        ref(request.params.modelId, request.query.version),
      );
      let overlay: Record<string, LinkOverlayValue> | undefined =
        request.query.overlay === 'status'
          ? Object.fromEntries(
              model.links.map((l) => [l.id, { value: l.status, color: statusColors[l.status] ?? '#9ca3af' }]),
            )
          : undefined;
      if (request.query.overlay === 'evidence') {
        await requireAccess(request, store, request.params.orgId, 'hypotheses.view');
        const { modelEvidence } = await import('../../app/hypotheses/model-evidence.ts');
        const evidence = await modelEvidence(store.tenant(access.organizationId), formatModelRef(model));
        overlay = Object.fromEntries(
          evidence.links.map((l) => [l.linkId, { value: l.evidence, color: evidenceColors[l.evidence] }]),
        );
      }
      const title = request.query.overlay === 'evidence' ? 'Evidence from hypothesis tests' : 'Evidence status';
      const svg = await renderModelDiagram(model, overlay ? { overlay, overlayTitle: title } : {});
      // Evidence changes with every run, so that overlay is never served from a cache.
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', request.query.overlay === 'evidence' ? 'no-store' : 'private, max-age=60')
        .send(svg);
    },
  );

  r.post(
    '/api/orgs/:orgId/models/validate',
    {
      schema: {
        tags: ['models'],
        summary: 'Validate a model document without publishing it (all errors and warnings at once)',
        params: OrgParams,
        body: ModelSubmission,
        response: { 200: ModelValidationResult, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'models.view');
      const { documentOf } = await import('../../app/models/document-of.ts');
      return validationResult(await checkModel(store.tenant(access.organizationId), documentOf(request.body)));
    },
  );

  r.post(
    '/api/orgs/:orgId/models',
    {
      schema: {
        tags: ['models'],
        summary: 'Publish a model or a new version of one (administrators)',
        params: OrgParams,
        body: ModelSubmission,
        response: { 201: PublishedModel, ...errorResponses },
      },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'models.publish');
      const { documentOf } = await import('../../app/models/document-of.ts');
      return reply
        .status(201)
        .send(await publishModel(store, access.organizationId, documentOf(request.body), access.actor));
    },
  );
}
