import { builtinInstruments, ispSelfAssessment } from '../../domain/measurement/builtin/index.ts';
import { ispSelfAssessmentId } from '../../domain/measurement/builtin/isp-self-assessment.ts';
import type { Instrument } from '../../domain/measurement/instrument.ts';
import { compareVersions } from '../../model/versions.ts';
import type { TenantStore } from '../../store/store.ts';

/** The id prefix of the self-assessment instruments derived from a practice model. */
export const selfAssessmentPrefix = ispSelfAssessmentId('');

/** Every version of one instrument available to the organization, oldest first. */
export async function instrumentLine(tenant: TenantStore, instrumentId: string): Promise<Instrument[]> {
  const line = [
    ...builtinInstruments.filter((i) => i.id === instrumentId),
    ...(await tenant.instruments.versionsOf(instrumentId)),
  ];
  if (instrumentId.startsWith(selfAssessmentPrefix)) {
    const modelId = instrumentId.slice(selfAssessmentPrefix.length);
    for (const model of await tenant.models.versionsOf(modelId)) {
      if (!line.some((i) => i.version === model.version)) line.push(ispSelfAssessment(model));
    }
  }
  return line.sort((a, b) => compareVersions(a.version, b.version));
}
