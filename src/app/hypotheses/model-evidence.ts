import { linkEvidence } from '../../analysis/hypotheses/index.ts';
import type { ModelEvidence } from '../../domain/hypotheses/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { requireModel } from '../models/require-model.ts';
import { listHypotheses } from './list-hypotheses.ts';

/** The evidence on every link of a model version, from the latest run of each locked hypothesis on it. */
export async function modelEvidence(tenant: TenantStore, modelRef: string): Promise<ModelEvidence> {
  const model = await requireModel(tenant, modelRef);
  const hypotheses = await listHypotheses(tenant, { modelId: model.id });
  const sources = hypotheses.map((h) => ({
    id: h.id,
    title: h.registration.title,
    linkId: h.registration.linkId,
    status: h.status,
    latestRun: h.latestRun,
  }));
  return {
    modelId: model.id,
    version: model.version,
    links: linkEvidence(
      model.links.map((l) => l.id),
      sources,
    ),
  };
}
