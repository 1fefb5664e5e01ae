import type { Member } from '../../src/domain/accounts/schemas.ts';
import { HypothesisRegistration } from '../../src/domain/hypotheses/registration.ts';
import { roles, type Role } from '../../src/domain/roles.ts';
import { addMember } from '../../src/app/accounts/add-member.ts';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { createOrganization } from '../../src/app/accounts/create-organization.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { lockHypothesis } from '../../src/app/hypotheses/lock-hypothesis.ts';
import { registerHypothesis } from '../../src/app/hypotheses/register-hypothesis.ts';
import { runLockedHypothesis } from '../../src/app/hypotheses/run-locked-hypothesis.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { inviteMember } from '../../src/app/invitations/invite-member.ts';
import { listInstruments } from '../../src/app/measurement/list-instruments.ts';
import { createWave } from '../../src/app/measurement/create-wave.ts';
import { enterResponse } from '../../src/app/measurement/enter-response.ts';
import { inviteRespondent } from '../../src/app/measurement/invite-respondent.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import { createPartner } from '../../src/app/partners/create-partner.ts';
import { createStagePlan } from '../../src/app/plans/create-stage-plan.ts';
import { createImportMapping } from '../../src/app/interactions/create-import-mapping.ts';
import { qualtricsTrackerMapping } from '../../src/demo/tracker-files.ts';
import { ImportMapping } from '../../src/domain/support/import-mapping.ts';
import { logCoachingSession } from '../../src/app/coaching/log-coaching-session.ts';
import { recordObservation } from '../../src/app/coaching/record-observation.ts';
import { recordSelfAssessment } from '../../src/app/coaching/record-self-assessment.ts';
import { reviewInteraction } from '../../src/app/coaching/review-interaction.ts';
import { setDevelopmentGoal } from '../../src/app/coaching/set-development-goal.ts';
import type { Store } from '../../src/store/store.ts';
import { testPassword } from './factories.ts';
import { tailoringRegistration } from './hypothesis-data.ts';
import { typicalInteraction } from './records.ts';

/** The ids of every kind of record an organization holds, as the API's path parameters name them. */
export interface OrganizationRecords {
  partners: string[];
  contacts: string[];
  engagements: string[];
  interactions: string[];
  waves: string[];
  /** Stage plans of the engagements. */
  plans: string[];
  /** Coaching of the practitioner: reviews, observations, sessions, development goals, self-assessments. */
  reviews: string[];
  observations: string[];
  sessions: string[];
  goals: string[];
  selfAssessments: string[];
  /** Survey responses: entered by staff and opened through links. */
  responses: string[];
  hypotheses: string[];
  tokens: string[];
  /** Pending invitations to join. */
  invitations: string[];
  users: string[];
  instruments: string[];
  models: string[];
  /** Saved import mappings. */
  importMappings: string[];
}

export interface PopulatedOrganization {
  organizationId: string;
  /** A word that every name, e-mail address, note and free text of this organization contains. */
  marker: string;
  admin: Member;
  /** One member per role, the administrator included. */
  members: Record<Role, Member>;
  /** The secret of an administrator's API token. */
  adminToken: string;
  /** The secrets of open single-use survey links. */
  surveyTokens: string[];
  /** The secret of a pending invitation's link. */
  invitationTokens: string[];
  records: OrganizationRecords;
  /** Every id of this organization's data: none may reach a caller from another organization. */
  ids: string[];
  /** The ids of the support record (partners, contacts, engagements, interactions, waves, responses). */
  supportRecordIds: string[];
}

/**
 * An organization with a record of every kind the API serves, each name and free text carrying
 * `marker`: members of every role, API tokens, a partner system with an organization and a team,
 * contacts, engagements on the default model with interactions (one deleted), waves with responses
 * entered by staff and opened through survey links, and hypotheses (a draft, and a locked one with a
 * run). The organization's own ids and the marker let a test prove none of it leaks.
 */
export async function buildPopulatedOrganization(store: Store, marker: string): Promise<PopulatedOrganization> {
  const organization = await createOrganization(store, { name: `${marker} Support Collaborative` }, null, 'test');
  const orgId = organization.id;
  const members = {} as Record<Role, Member>;
  for (const role of roles)
    members[role] = await addMember(
      store,
      orgId,
      {
        email: `${role}.${marker.toLowerCase()}@example.org`,
        name: `${marker} ${role}`,
        role,
        password: testPassword,
      },
      'test',
    );
  const admin = members.admin;
  const actor = admin.userId;
  const records: OrganizationRecords = {
    partners: [],
    contacts: [],
    engagements: [],
    interactions: [],
    waves: [],
    plans: [],
    reviews: [],
    observations: [],
    sessions: [],
    goals: [],
    selfAssessments: [],
    responses: [],
    hypotheses: [],
    tokens: [],
    invitations: [],
    users: roles.map((role) => members[role].userId),
    instruments: (await listInstruments(store.tenant(orgId))).map((i) => i.id),
    models: ['eis-toc', 'isp-profile'],
    importMappings: [],
  };

  const adminToken = await createApiToken(store, orgId, { name: `${marker} nightly`, role: 'admin' }, actor);
  const researcherToken = await createApiToken(store, orgId, { name: `${marker} analysis`, role: 'researcher' }, actor);
  records.tokens.push(adminToken.apiToken.id, researcherToken.apiToken.id);

  const invited = await inviteMember(
    store,
    orgId,
    { email: `invitee.${marker.toLowerCase()}@example.org`, role: 'practitioner' },
    actor,
    14,
  );
  records.invitations.push(invited.invitation.id);

  const partner = (name: string, kind: 'system' | 'organization' | 'team', parentId: string | null) =>
    createPartner(
      store,
      orgId,
      {
        name,
        kind,
        parentId,
        type: `${marker} type`,
        region: `${marker} region`,
        stateOrCountry: 'NC',
        tags: [marker],
      },
      actor,
    );
  const system = await partner(`${marker} State System`, 'system', null);
  const agency = await partner(`${marker} County Agency`, 'organization', system.id);
  const team = await partner(`${marker} Intake Team`, 'team', agency.id);
  records.partners.push(system.id, agency.id, team.id);
  const contacts = [];
  for (const name of ['Ana', 'Ben'])
    contacts.push(
      await createContact(
        store,
        orgId,
        {
          partnerId: team.id,
          name: `${name} ${marker}`,
          email: `${name.toLowerCase()}.${marker.toLowerCase()}@example.org`,
          level: 'individual',
          role: `${marker} coordinator`,
          language: null,
        },
        actor,
      ),
    );
  records.contacts.push(...contacts.map((c) => c.id));

  const instruments = [{ instrumentId: 'aim-support', version: '1.0.0' }];
  const aim = (value: number) => ({
    'aim-support': { 'aim-1': value, 'aim-2': value, 'aim-3': value, 'aim-4': value },
  });
  for (const [k, partnerId] of [agency.id, team.id].entries()) {
    const engagement = await createEngagement(
      store,
      orgId,
      {
        partnerId,
        name: `${marker} engagement ${k + 1}`,
        supportTeam: [actor, members.practitioner.userId],
        startDate: '2020-01-15',
        endDate: null,
        modelId: 'eis-toc',
        modelVersion: '1.0.0',
        stages: [{ stageId: 'readiness-exploration', startedOn: '2020-01-15' }],
        goals: [`${marker} goal`],
      },
      actor,
    );
    records.engagements.push(engagement.id);
    const plan = await createStagePlan(
      store,
      orgId,
      {
        engagementId: engagement.id,
        stageId: 'readiness-exploration',
        goals: [{ text: `${marker} plan goal`, indicator: `${marker} indicator`, targetDate: '2020-06-30' }],
        emphasis: [{ componentId: 'relating', minutesPerMonth: 120 }],
        activities: [
          {
            activityKey: null,
            text: `${marker} planned activity`,
            ownerId: actor,
            dueDate: '2020-03-01',
            status: 'planned',
          },
        ],
      },
      actor,
    );
    records.plans.push(plan.id);
    for (const [n, date] of ['2020-02-03', '2020-03-10', '2020-05-21'].entries()) {
      const interaction = await logInteraction(
        store,
        orgId,
        typicalInteraction(engagement.id, {
          date,
          notes: `${marker} notes ${n}`,
          nextSteps: [{ text: `${marker} next step`, owner: `${marker} owner`, dueDate: '2020-06-01', done: false }],
          participants: { contactIds: contacts.map((c) => c.id), counts: { team: 2 } },
        }),
        actor,
      );
      records.interactions.push(interaction.id);
    }
    await deleteInteraction(store, orgId, records.interactions.at(-1)!, undefined, actor);
    for (const [name, kind, scheduledOn, value] of [
      ['Baseline', 'baseline', '2020-01-20', 2],
      ['Month 6', 'follow-up', '2020-07-01', 3 + k],
    ] as const) {
      const wave = await createWave(
        store,
        orgId,
        engagement.id,
        { name: `${marker} ${name}`, kind, scheduledOn, instruments, levels: ['individual'] },
        actor,
      );
      records.waves.push(wave.id);
      for (const contact of contacts)
        records.responses.push(
          (
            await enterResponse(
              store,
              orgId,
              wave.id,
              { contactId: contact.id, anonymous: false, level: 'individual', partnerId: null, answers: aim(value) },
              actor,
            )
          ).id,
        );
    }
  }
  await coachPractitioner();

  const surveyTokens: string[] = [];
  for (const contactId of [contacts[0]!.id, null]) {
    const link = await inviteRespondent(
      store,
      orgId,
      records.waves[0]!,
      { contactId, anonymous: contactId === null, level: 'individual', partnerId: null, expiresInDays: 30 },
      actor,
    );
    surveyTokens.push(link.token);
    records.responses.push(link.response.id);
  }

  /** The administrator coaches the practitioner on the first engagement's support team. */
  async function coachPractitioner(): Promise<void> {
    const practitioner = members.practitioner.userId;
    const coach = { userId: actor, role: 'admin' as const };
    const practised = await logInteraction(
      store,
      orgId,
      typicalInteraction(records.engagements[0]!, { date: '2020-04-02', notes: `${marker} practised` }),
      practitioner,
    );
    records.interactions.push(practised.id);
    const ratings = [
      {
        componentId: 'relating',
        quality: 4,
        activities: [{ activityId: 'agree-roles', rating: 'as-defined' as const }],
        comment: `${marker} rating comment`,
      },
    ];
    const review = await reviewInteraction(store, orgId, coach, {
      interactionId: practised.id,
      ratings,
      feedback: `${marker} feedback`,
    });
    records.reviews.push(review.id);
    const observation = await recordObservation(store, orgId, coach, {
      engagementId: records.engagements[0]!,
      practitionerId: practitioner,
      interactionId: practised.id,
      date: '2020-04-02',
      ratings,
      principles: [{ principleId: 'relationship-centered', observed: 'evident', note: `${marker} principle` }],
      notes: `${marker} observed`,
    });
    records.observations.push(observation.id);
    const session = await logCoachingSession(store, orgId, coach, {
      practitionerId: practitioner,
      date: '2020-04-09',
      componentIds: ['relating'],
      agreed: `${marker} agreed`,
      followUp: `${marker} follow-up`,
    });
    records.sessions.push(session.id);
    const goal = await setDevelopmentGoal(store, orgId, coach, {
      practitionerId: practitioner,
      title: `${marker} development goal`,
      componentIds: ['assessing'],
      targetDate: '2020-09-30',
      status: 'open',
    });
    records.goals.push(goal.id);
    const selfAssessment = await recordSelfAssessment(
      store,
      orgId,
      { userId: practitioner, role: 'practitioner' },
      { date: '2020-02-01', modelId: 'eis-toc', modelVersion: '1.0.0', ratings: { relating: 2, assessing: 3 } },
    );
    records.selfAssessments.push(selfAssessment.id);
  }

  const registration = (title: string) => HypothesisRegistration.parse({ ...tailoringRegistration, title });
  const draft = await registerHypothesis(store, orgId, registration(`${marker} draft`), actor);
  const locked = await registerHypothesis(store, orgId, registration(`${marker} locked`), actor);
  await lockHypothesis(store, orgId, locked.id, locked.version, actor);
  await runLockedHypothesis(store, orgId, locked.id, actor);
  records.hypotheses.push(draft.id, locked.id);

  const mapping = await createImportMapping(
    store,
    orgId,
    ImportMapping.parse({
      ...qualtricsTrackerMapping({ [`${marker} site`]: records.engagements[0]! }),
      name: `${marker} log`,
    }),
    actor,
  );
  records.importMappings.push(mapping.id);

  return {
    organizationId: orgId,
    marker,
    admin,
    members,
    adminToken: adminToken.token,
    surveyTokens,
    invitationTokens: [invited.token],
    records,
    supportRecordIds: [
      ...records.partners,
      ...records.contacts,
      ...records.engagements,
      ...records.interactions,
      ...records.waves,
      ...records.plans,
      ...records.reviews,
      ...records.observations,
      ...records.sessions,
      ...records.goals,
      ...records.selfAssessments,
      ...records.responses,
    ],
    ids: [
      orgId,
      ...records.partners,
      ...records.contacts,
      ...records.engagements,
      ...records.interactions,
      ...records.waves,
      ...records.plans,
      ...records.reviews,
      ...records.observations,
      ...records.sessions,
      ...records.goals,
      ...records.selfAssessments,
      ...records.responses,
      ...records.hypotheses,
      ...records.tokens,
      ...records.invitations,
      ...records.users,
      ...records.importMappings,
    ],
  };
}
