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

/** How the diagram colours its links: not at all, by their status in the model, or by hypothesis evidence. */
export type DiagramOverlay = 'none' | 'status' | 'evidence';

/** The diagram's SVG text; the evidence overlay changes with every hypothesis run, so it is never cached. */
export async function fetchModelDiagram(
  orgId: string,
  modelId: string,
  version: string,
  overlay: DiagramOverlay,
  signal?: AbortSignal,
): Promise<string> {
  const url = modelDiagramUrl(orgId, modelId, version) + (overlay === 'none' ? '' : `&overlay=${overlay}`);
  const response = await fetch(url, {
    credentials: 'same-origin',
    ...(overlay === 'evidence' ? { cache: 'no-store' as const } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.text();
}

export const modelExportUrl = (orgId: string, modelId: string, version: string, format: 'json' | 'yaml'): string =>
  `${modelsPath(orgId)}/${segment(modelId)}/export?version=${encodeURIComponent(version)}&format=${format}`;
