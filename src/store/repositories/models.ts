import { practiceModelSchema, type PracticeModel } from '../../model/schema.ts';
import { compareVersions } from '../../model/versions.ts';
import { conflict } from '../../domain/errors.ts';
import { nowIso } from '../ids.ts';
import { readJsonColumn } from '../json-column.ts';
import { isUniqueViolation, type Executor } from './executor.ts';

export interface StoredModelVersion {
  modelId: string;
  version: string;
  name: string;
  builtin: boolean;
  publishedAt: string;
  publishedBy: string | null;
}

/**
 * Parsed model documents by organization, id and version. Published versions never change, so a
 * cached copy is always current; the bound keeps memory flat however many organizations a server has.
 */
const parsedModels = new Map<string, PracticeModel>();
const parsedModelsLimit = 200;

/** Frozen, so no caller can change the copy every later caller shares. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function rememberModel(key: string, model: PracticeModel): PracticeModel {
  deepFreeze(model);
  if (parsedModels.size >= parsedModelsLimit) parsedModels.delete(parsedModels.keys().next().value!);
  parsedModels.set(key, model);
  return model;
}

/** A stored model document, read through the model schema; a row is named by its model id and version. */
const modelDocument = (document: string, modelId: string, version: string): PracticeModel =>
  readJsonColumn(practiceModelSchema, document, {
    table: 'practice_models',
    column: 'document',
    id: `${modelId}@${version}`,
  });

/** The practice models of one organization: every published version, kept whole and never changed. */
export class ModelRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** Every version of every model, oldest version first within a model. */
  async listVersions(): Promise<StoredModelVersion[]> {
    const rows = await this.db
      .selectFrom('practice_models')
      .select(['model_id', 'version', 'name', 'builtin', 'published_at', 'published_by'])
      .where('organization_id', '=', this.organizationId)
      .execute();
    return rows
      .map((r) => ({
        modelId: r.model_id,
        version: r.version,
        name: r.name,
        builtin: r.builtin === 1,
        publishedAt: r.published_at,
        publishedBy: r.published_by,
      }))
      .sort((a, b) => a.modelId.localeCompare(b.modelId) || compareVersions(a.version, b.version));
  }

  async find(modelId: string, version: string): Promise<PracticeModel | undefined> {
    const key = `${this.organizationId}|${modelId}|${version}`;
    const cached = parsedModels.get(key);
    if (cached) return cached;
    const row = await this.db
      .selectFrom('practice_models')
      .select('document')
      .where('organization_id', '=', this.organizationId)
      .where('model_id', '=', modelId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && rememberModel(key, modelDocument(row.document, modelId, version));
  }

  /** Every version of one model, oldest first. */
  async versionsOf(modelId: string): Promise<PracticeModel[]> {
    const rows = await this.db
      .selectFrom('practice_models')
      .select(['document', 'version'])
      .where('organization_id', '=', this.organizationId)
      .where('model_id', '=', modelId)
      .execute();
    return rows
      .map((r) => modelDocument(r.document, modelId, r.version))
      .sort((a, b) => compareVersions(a.version, b.version));
  }

  async insert(
    model: PracticeModel,
    options: { builtin: boolean; publishedBy: string | null },
  ): Promise<StoredModelVersion> {
    const publishedAt = nowIso();
    try {
      await this.db
        .insertInto('practice_models')
        .values({
          organization_id: this.organizationId,
          model_id: model.id,
          version: model.version,
          name: model.name,
          document: JSON.stringify(model),
          builtin: options.builtin ? 1 : 0,
          published_at: publishedAt,
          published_by: options.publishedBy,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`Version ${model.version} of model "${model.id}" is already published; versions never change`, [
          { path: 'version', message: 'is already published' },
        ]);
      throw error;
    }
    return {
      modelId: model.id,
      version: model.version,
      name: model.name,
      builtin: options.builtin,
      publishedAt,
      publishedBy: options.publishedBy,
    };
  }
}
