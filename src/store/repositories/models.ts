import type { PracticeModel } from '../../model/schema.ts';
import { compareVersions } from '../../model/versions.ts';
import { conflict } from '../../domain/errors.ts';
import { nowIso } from '../ids.ts';
import { isUniqueViolation, type Executor } from './executor.ts';

export interface StoredModelVersion {
  modelId: string;
  version: string;
  name: string;
  builtin: boolean;
  publishedAt: string;
  publishedBy: string | null;
}

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
      .map((r) => ({ modelId: r.model_id, version: r.version, name: r.name, builtin: r.builtin === 1, publishedAt: r.published_at, publishedBy: r.published_by }))
      .sort((a, b) => a.modelId.localeCompare(b.modelId) || compareVersions(a.version, b.version));
  }

  async find(modelId: string, version: string): Promise<PracticeModel | undefined> {
    const row = await this.db
      .selectFrom('practice_models')
      .select('document')
      .where('organization_id', '=', this.organizationId)
      .where('model_id', '=', modelId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && (JSON.parse(row.document) as PracticeModel);
  }

  /** Every version of one model, oldest first. */
  async versionsOf(modelId: string): Promise<PracticeModel[]> {
    const rows = await this.db
      .selectFrom('practice_models')
      .select('document')
      .where('organization_id', '=', this.organizationId)
      .where('model_id', '=', modelId)
      .execute();
    return rows.map((r) => JSON.parse(r.document) as PracticeModel).sort((a, b) => compareVersions(a.version, b.version));
  }

  async insert(model: PracticeModel, options: { builtin: boolean; publishedBy: string | null }): Promise<StoredModelVersion> {
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
      if (isUniqueViolation(error)) throw conflict(`Version ${model.version} of model "${model.id}" is already published; versions never change`, [{ path: 'version', message: 'is already published' }]);
      throw error;
    }
    return { modelId: model.id, version: model.version, name: model.name, builtin: options.builtin, publishedAt, publishedBy: options.publishedBy };
  }
}
