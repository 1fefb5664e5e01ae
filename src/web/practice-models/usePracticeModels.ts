import { useQuery } from '@tanstack/react-query';
import { listPracticeModels } from '../api/practice-models.ts';
import { queryKeys } from '../query-keys.ts';

export function usePracticeModels(orgId: string) {
  return useQuery({
    queryKey: queryKeys.practiceModels(orgId),
    queryFn: ({ signal }) => listPracticeModels(orgId, signal),
  });
}
