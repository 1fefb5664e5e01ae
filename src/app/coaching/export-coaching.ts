import type { Store } from '../../store/store.ts';

/** Every live coaching record of an organization, for its operators (`praxis coaching export`): not de-identified. */
export function exportCoaching(store: Store, organizationId: string) {
  return store.snapshot(async (s) => {
    const coaching = s.tenant(organizationId).coaching;
    return {
      reviews: await coaching.reviews.list(),
      observations: await coaching.observations.list(),
      sessions: await coaching.sessions.list(),
      goals: await coaching.goals.list(),
      selfAssessments: await coaching.selfAssessments.list(),
    };
  });
}
