import type { ModelSummary } from '../../domain/models.ts';
import type { TenantStore } from '../../store/store.ts';
import { findModel } from './find-model.ts';

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
