import { builtinInstruments } from '../../domain/measurement/builtin/index.ts';
import { ispSelfAssessmentId } from '../../domain/measurement/builtin/isp-self-assessment.ts';
import type { InstrumentSummary } from '../../domain/measurement/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { instrumentLine, selfAssessmentPrefix } from './instrument-line.ts';

/** Each instrument with its latest version and every version available. */
export async function listInstruments(tenant: TenantStore): Promise<InstrumentSummary[]> {
  const ids = new Set<string>(builtinInstruments.map((i) => i.id));
  for (const model of await tenant.models.listVersions()) ids.add(ispSelfAssessmentId(model.modelId));
  for (const stored of await tenant.instruments.listVersions()) ids.add(stored.instrumentId);
  const builtinIds = new Set(builtinInstruments.map((i) => i.id));
  const summaries: InstrumentSummary[] = [];
  for (const id of [...ids].sort()) {
    const line = await instrumentLine(tenant, id);
    const latest = line.at(-1);
    if (!latest) continue;
    summaries.push({
      id,
      name: latest.name,
      version: latest.version,
      citation: latest.citation,
      builtin: builtinIds.has(id) || id.startsWith(selfAssessmentPrefix),
      versions: line.map((i) => i.version),
    });
  }
  return summaries;
}
