import { ListOf } from '../../domain/accounts/schemas.ts';
import { ModelSummary } from '../../domain/models.ts';
import { apiGet, segment } from './client.ts';

const ModelList = ListOf(ModelSummary);
const modelsPath = (orgId: string): string => `/api/orgs/${segment(orgId)}/models`;

/** The organization's practice models, each with its latest version first. */
export const listPracticeModels = async (orgId: string, signal?: AbortSignal): Promise<ModelSummary[]> =>
  (await apiGet(modelsPath(orgId), ModelList, signal)).items;

/** The theory-of-change diagram of a model version, as an SVG the browser can open. */
export const modelDiagramUrl = (orgId: string, modelId: string, version: string): string =>
  `${modelsPath(orgId)}/${segment(modelId)}/diagram.svg?version=${encodeURIComponent(version)}`;

export const modelExportUrl = (orgId: string, modelId: string, version: string, format: 'json' | 'yaml'): string =>
  `${modelsPath(orgId)}/${segment(modelId)}/export?version=${encodeURIComponent(version)}&format=${format}`;

/** The same diagram with every link coloured by the status of its evidence. */
export const modelStatusDiagramUrl = (orgId: string, modelId: string, version: string): string =>
  `${modelDiagramUrl(orgId, modelId, version)}&overlay=status`;
