import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModelSubmission } from '../../domain/models.ts';
import { publishPracticeModel } from '../api/practice-model-documents.ts';
import { queryKeys } from '../query-keys.ts';

/** Publishes editor text as a model version; the model lists and pages then show it. */
export function usePublishModel(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (submission: ModelSubmission) => publishPracticeModel(orgId, submission),
    // Not awaited: the page moves on to the new version at once, and lists refresh behind it.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.practiceModels(orgId) }),
  });
}
