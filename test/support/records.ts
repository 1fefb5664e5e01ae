import type { Engagement, InteractionInput, Partner } from '../../src/domain/support/schemas.ts';
import { InteractionInput as InteractionInputSchema } from '../../src/domain/support/schemas.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { createPartner } from '../../src/app/partners/create-partner.ts';
import type { Store } from '../../src/store/store.ts';

/** A partner organization and an engagement with it on the default model, started on `startDate`. */
export async function buildEngagement(
  store: Store,
  organizationId: string,
  actor: string,
  startDate = '2020-01-15',
): Promise<{ partner: Partner; engagement: Engagement }> {
  const partner = await createPartner(
    store,
    organizationId,
    {
      name: `Partner ${Math.random().toString(36).slice(2, 7)}`,
      kind: 'organization',
      parentId: null,
      type: 'county agency',
      region: 'North',
      stateOrCountry: 'NC',
      tags: [],
    },
    actor,
  );
  const engagement = await createEngagement(
    store,
    organizationId,
    {
      partnerId: partner.id,
      name: `Support for ${partner.name}`,
      supportTeam: [actor],
      startDate,
      endDate: null,
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      stages: [{ stageId: 'readiness-exploration', startedOn: startDate }],
      goals: ['Adopt the program with fidelity'],
    },
    actor,
  );
  return { partner, engagement };
}

/** A typical interaction: three components, five activities. */
export function typicalInteraction(engagementId: string, overrides: Partial<InteractionInput> = {}): InteractionInput {
  return InteractionInputSchema.parse({
    engagementId,
    date: '2020-02-03',
    time: '10:00',
    durationMinutes: 90,
    mode: 'video',
    components: [
      { componentId: 'relating', minutes: 20, activityIds: ['agree-roles', 'check-in'] },
      { componentId: 'assessing', minutes: 40, activityIds: ['review-data', 'facilitate-assessment'] },
      { componentId: 'co-designing', minutes: 25, activityIds: ['set-goals'] },
    ],
    principles: [{ principleId: 'relationship-centered', rating: 4 }],
    notes: 'Reviewed readiness survey results with the leadership team.',
    nextSteps: [{ text: 'Share the summary', owner: 'ISP', dueDate: '2020-02-10', done: false }],
    ...overrides,
  });
}
