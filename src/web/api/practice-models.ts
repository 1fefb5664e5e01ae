import { z } from 'zod';
import { apiGet, isApiError, segment } from './client.ts';

/**
 * One practice model as listed for an organization. Defined here until the model layer publishes
 * its own shared schema; the fields follow the API contract.
 */
export const PracticeModelSummary = z.object({
  id: z.string(),
  version: z.union([z.string(), z.number()]),
  name: z.string(),
  citation: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
});
export type PracticeModelSummary = z.infer<typeof PracticeModelSummary>;

const PracticeModelList = z.object({ items: z.array(PracticeModelSummary) });

/** The organization's practice models, or `null` when this server does not offer models yet. */
export async function listPracticeModels(orgId: string, signal?: AbortSignal): Promise<PracticeModelSummary[] | null> {
  try {
    return (await apiGet(`/api/orgs/${segment(orgId)}/models`, PracticeModelList, signal)).items;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}
