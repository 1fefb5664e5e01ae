import { usePartners } from '../partners/partner-hooks.ts';
import { usePeople } from '../people/usePeople.ts';
import { usePracticeModels } from '../practice-models/usePracticeModels.ts';

/** What the engagement form offers to choose from: partners, people and published model versions. */
export function useEngagementChoices(orgId: string) {
  const partners = usePartners(orgId);
  const { people } = usePeople(orgId);
  const models = usePracticeModels(orgId);
  const queries = [partners, people, models];
  return {
    pending: queries.some((query) => query.isPending),
    failed: queries.find((query) => query.isError),
    partners: partners.data ?? [],
    people: people.data ?? [],
    models: models.data ?? [],
  };
}
