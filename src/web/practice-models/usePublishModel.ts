import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModelSubmission } from '../../domain/models.ts';
import { publishPracticeModel } from '../api/practice-model-documents.ts';
import { queryKeys } from '../query-keys.ts';

/** Publishes editor text as a model version; the model lists and pages then show it. */
export function usePublishModel(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (submission: ModelSubmission) => publishPracticeModel(orgId, submission),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.practiceModels(orgId) }),
  });
}
