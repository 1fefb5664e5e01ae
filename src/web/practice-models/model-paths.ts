import { organizationPath } from '../organizations/organization-paths.ts';

/** The page of a model, at a version when one is given (otherwise the latest). */
export const modelPagePath = (orgId: string, modelId: string, version?: string): string =>
  `${organizationPath(orgId, `models/${encodeURIComponent(modelId)}`)}${version ? `?version=${encodeURIComponent(version)}` : ''}`;

export const modelEditorPath = (orgId: string, modelId: string): string =>
  organizationPath(orgId, `models/${encodeURIComponent(modelId)}/edit`);

export const newModelPath = (orgId: string): string => organizationPath(orgId, 'models/new');
