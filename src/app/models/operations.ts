import type { ModelSubmission, ModelSummary, ModelValidationResult, PublishedModel } from '../../domain/models.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { builtinModels } from '../../model/builtin/index.ts';
import { parseModelText } from '../../model/format.ts';
import type { PracticeModel } from '../../model/schema.ts';
import { validateModel, validateSuccessor, type ModelValidation } from '../../model/validate.ts';
import { parseModelRef, resolveModelRef } from '../../model/versions.ts';
import type { Store, TenantStore } from '../../store/store.ts';

/** Gives a new organization the models Praxis ships, so it can start logging at once. */
export async function installBuiltinModels(tenant: TenantStore): Promise<void> {
  for (const model of builtinModels) await tenant.models.insert(model, { builtin: true, publishedBy: null });
}

/** Turns a submission (parsed JSON or JSON/YAML text) into the raw document, or refuses it with located syntax errors. */
export function documentOf(submission: ModelSubmission): unknown {
  if ('document' in submission) return submission.document;
  const parsed = parseModelText(submission.text, submission.format);
  if (!parsed.ok) throw invalid('The model text does not parse', parsed.issues);
  return parsed.value;
}

/** Validates a document as it would be published: as a new model, or as the next version of an existing one. */
export async function checkModel(tenant: TenantStore, document: unknown): Promise<ModelValidation> {
  const id = typeof document === 'object' && document !== null ? (document as { id?: unknown }).id : undefined;
  const line = typeof id === 'string' ? await tenant.models.versionsOf(id) : [];
  const latest = line.at(-1);
  return latest ? validateSuccessor(latest, document) : validateModel(document);
}

export const validationResult = (v: ModelValidation): ModelValidationResult => ({
  valid: v.valid,
  errors: v.errors,
  warnings: v.warnings,
});

/** Publishes a model version. Earlier versions stay readable; records keep pointing at the version they were logged under. */
export async function publishModel(
  store: Store,
  organizationId: string,
  document: unknown,
  actor: string | null,
): Promise<PublishedModel> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const verdict = await checkModel(tenant, document);
    if (!verdict.valid || !verdict.model) throw invalid('The model is not valid', verdict.errors);
    const stored = await tenant.models.insert(verdict.model, { builtin: false, publishedBy: actor });
    await tenant.recordHistory({
      entity: 'practice_model',
      entityId: `${stored.modelId}@${stored.version}`,
      action: 'create',
      actor,
      changes: { name: stored.name },
    });
    return {
      id: stored.modelId,
      version: stored.version,
      name: stored.name,
      publishedAt: stored.publishedAt,
      warnings: verdict.warnings,
    };
  });
}

/** Each model with its latest version's name and every version published. */
export async function listModels(tenant: TenantStore): Promise<ModelSummary[]> {
  const versions = await tenant.models.listVersions();
  const ids = [...new Set(versions.map((v) => v.modelId))];
  const summaries: ModelSummary[] = [];
  for (const id of ids) {
    const line = versions.filter((v) => v.modelId === id);
    const latest = (await findModel(tenant, id))!;
    const latestRow = line.find((v) => v.version === latest.version)!;
    summaries.push({
      id,
      name: latest.name,
      citation: latest.citation,
      version: latest.version,
      publishedAt: latestRow.publishedAt,
      versions: line.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt,
        publishedBy: v.publishedBy,
        builtin: v.builtin,
      })),
    });
  }
  return summaries;
}

/** The model a reference `ID[@VERSION]` names: the exact version, or the latest release. */
export async function findModel(tenant: TenantStore, ref: string): Promise<PracticeModel | undefined> {
  const parsed = parseModelRef(ref);
  return resolveModelRef(parsed, await tenant.models.versionsOf(parsed.id));
}

export async function requireModel(tenant: TenantStore, ref: string): Promise<PracticeModel> {
  const model = await findModel(tenant, ref);
  if (!model) throw notFound(`Model "${ref}"`);
  return model;
}
