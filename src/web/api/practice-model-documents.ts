import { ModelValidationResult, PublishedModel, type ModelSubmission } from '../../domain/models.ts';
import { practiceModelSchema, type PracticeModel } from '../../model/schema.ts';
import { apiGet, apiRequest, segment } from './client.ts';

const modelPath = (orgId: string, modelId: string): string => `/api/orgs/${segment(orgId)}/models/${segment(modelId)}`;

/** One version of a model document (the latest when no version is given). */
export const getPracticeModel = (
  orgId: string,
  modelId: string,
  version?: string,
  signal?: AbortSignal,
): Promise<PracticeModel> =>
  apiGet(
    `${modelPath(orgId, modelId)}${version ? `?version=${encodeURIComponent(version)}` : ''}`,
    practiceModelSchema,
    signal,
  );

/** Checks a document as the server would publish it: as the next version of the stored model with its id. */
export const validatePracticeModel = (
  orgId: string,
  submission: ModelSubmission,
  signal?: AbortSignal,
): Promise<ModelValidationResult> =>
  apiRequest('POST', `/api/orgs/${segment(orgId)}/models/validate`, {
    body: submission,
    schema: ModelValidationResult,
    signal,
  });

/** Publishes a model, or a new version of one (administrators); refusals carry every error in `details`. */
export const publishPracticeModel = (orgId: string, submission: ModelSubmission): Promise<PublishedModel> =>
  apiRequest('POST', `/api/orgs/${segment(orgId)}/models`, { body: submission, schema: PublishedModel });
