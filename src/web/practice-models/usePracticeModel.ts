import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getPracticeModel } from '../api/practice-model-documents.ts';
import { queryKeys } from '../query-keys.ts';

/** One version of a model document; the latest when no version is named. Published versions never change. */
export function usePracticeModel(orgId: string, modelId: string, version: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.practiceModels(orgId), modelId, version ?? 'latest'],
    queryFn: ({ signal }) => getPracticeModel(orgId, modelId, version, signal),
    staleTime: version ? Infinity : 0,
    placeholderData: keepPreviousData,
  });
}
