import { selfAssessmentProblems } from '../../domain/coaching/rating-rules.ts';
import type { SelfAssessment, SelfAssessmentInput } from '../../domain/coaching/schemas.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from './access.ts';
import { publishedModel } from './model-version.ts';

/**
 * A practitioner records their answers to the ISP self-assessment of a model (one 1–5 proficiency
 * rating per component, `domain/measurement/builtin/isp-self-assessment.ts`).
 */
export function recordSelfAssessment(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  input: SelfAssessmentInput,
): Promise<SelfAssessment> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    if (viewer.userId.startsWith('token:'))
      throw new AppError('forbidden', 'A self-assessment is recorded by the practitioner, not by an API token');
    const model = await publishedModel(tenant, input.modelId, input.modelVersion, 'modelVersion');
    const problems = selfAssessmentProblems(input.ratings, model);
    if (problems.length > 0) throw invalid('The self-assessment does not fit the practice model', problems);
    return tenant.coaching.selfAssessments.insert({ ...input, practitionerId: viewer.userId }, viewer.userId);
  });
}
