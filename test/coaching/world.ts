import type { Member } from '../../src/domain/accounts/schemas.ts';
import type { Engagement, Interaction } from '../../src/domain/support/schemas.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { createPartner } from '../../src/app/partners/create-partner.ts';
import type { Store } from '../../src/store/store.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { typicalInteraction } from '../support/records.ts';

/**
 * Two support teams in one organization and a second organization: the people of the coaching
 * visibility matrix. Team one is `coach` (a lead) with `practitioner`; team two is `otherLead` with
 * `otherPractitioner`.
 */
export interface CoachingWorld {
  organizationId: string;
  admin: Member;
  coach: Member;
  practitioner: Member;
  otherPractitioner: Member;
  otherLead: Member;
  partner: Member;
  researcher: Member;
  outsider: Member;
  engagement: Engagement;
  otherEngagement: Engagement;
  interaction: Interaction;
}

async function engagementOf(store: Store, organizationId: string, supportTeam: string[], actor: string) {
  const partner = await createPartner(
    store,
    organizationId,
    {
      name: `Agency ${supportTeam[0]}`,
      kind: 'organization',
      parentId: null,
      type: '',
      region: '',
      stateOrCountry: '',
      tags: [],
    },
    actor,
  );
  return createEngagement(
    store,
    organizationId,
    {
      partnerId: partner.id,
      name: `Support for ${partner.name}`,
      supportTeam,
      startDate: '2020-01-15',
      endDate: null,
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      stages: [{ stageId: 'readiness-exploration', startedOn: '2020-01-15' }],
      goals: [],
    },
    actor,
  );
}

export async function buildCoachingWorld(store: Store): Promise<CoachingWorld> {
  const { organization, admin } = await buildOrganization(store);
  const organizationId = organization.id;
  const coach = await buildMember(store, organizationId, 'lead');
  const practitioner = await buildMember(store, organizationId, 'practitioner');
  const otherPractitioner = await buildMember(store, organizationId, 'practitioner');
  const otherLead = await buildMember(store, organizationId, 'lead');
  const partner = await buildMember(store, organizationId, 'partner');
  const researcher = await buildMember(store, organizationId, 'researcher');
  const outsider = (await buildOrganization(store)).admin;
  const engagement = await engagementOf(store, organizationId, [coach.userId, practitioner.userId], admin.userId);
  const otherEngagement = await engagementOf(
    store,
    organizationId,
    [otherLead.userId, otherPractitioner.userId],
    admin.userId,
  );
  const interaction = await logInteraction(
    store,
    organizationId,
    typicalInteraction(engagement.id, { date: '2020-02-03' }),
    practitioner.userId,
  );
  return {
    organizationId,
    admin,
    coach,
    practitioner,
    otherPractitioner,
    otherLead,
    partner,
    researcher,
    outsider,
    engagement,
    otherEngagement,
    interaction,
  };
}

/** A review of the typical interaction: relating rated activity by activity, assessing rated for quality only. */
export const reviewBody = (interactionId: string, quality = 3) => ({
  interactionId,
  ratings: [
    {
      componentId: 'relating',
      quality,
      activities: [
        { activityId: 'agree-roles', rating: 'as-defined' },
        { activityId: 'check-in', rating: 'partly' },
      ],
      comment: 'Roles were agreed at the start.',
    },
    { componentId: 'assessing', quality: quality + 1, activities: [] },
  ],
  feedback: 'Good use of the readiness data; check in on pressures earlier.',
});
