import { addMember } from '../app/accounts/add-member.ts';
import { attachMemberToPartner } from '../app/accounts/attach-member-to-partner.ts';
import { createOrganization } from '../app/accounts/create-organization.ts';
import { setPassword } from '../app/accounts/set-password.ts';
import { createEngagement } from '../app/engagements/create-engagement.ts';
import { createStagePlan } from '../app/plans/create-stage-plan.ts';
import { logInteraction } from '../app/interactions/log-interaction.ts';
import { createWave } from '../app/measurement/create-wave.ts';
import { enterResponse } from '../app/measurement/enter-response.ts';
import { requireModel } from '../app/models/require-model.ts';
import { createContact } from '../app/partners/create-contact.ts';
import { createPartner } from '../app/partners/create-partner.ts';
import type { Store } from '../store/store.ts';
import { demoAccounts, demoOrganization, demoPassword } from '../domain/accounts/demo-accounts.ts';
import { contactInput, engagementInput, interactionInput, partnerInput } from './dataset-inputs.ts';
import { demoWindow } from './demo-window.ts';
import { DEMO_SEED, describeDemo, generateDemo } from './generate.ts';
import { DEMO_MEASUREMENT_INSTRUMENT, generateOutcomeMeasurements } from './outcome-measurements.ts';
import { seedDemoCoaching } from './seed-coaching.ts';
import { generateStagePlans } from './stage-plans.ts';

export interface DemoResult {
  organizationId: string;
  created: boolean;
  interactions: number;
}

/**
 * Creates the demo organization with one login per role and a generated support record over the 62
 * months before the current one. Leaves an
 * existing demo alone unless `reset` is set, in which case the demo and everything in it is replaced.
 */
export async function seedDemo(
  store: Store,
  options: { reset?: boolean; seed?: number; currentMonth?: string } = {},
): Promise<DemoResult> {
  // The demo's five years end in the month before this one, so that current figures read live data.
  const currentMonth = options.currentMonth ?? new Date().toISOString().slice(0, 7);
  const existing = await store.organizations.findBySlug(demoOrganization.slug);
  if (existing && !existing.isDemo)
    throw new Error(
      `An organization with slug "${demoOrganization.slug}" exists and is not the demo; it was left untouched`,
    );
  if (existing && !options.reset) return { organizationId: existing.id, created: false, interactions: 0 };
  return store.transaction(async (tx) => {
    if (existing) await tx.organizations.delete(existing.id);
    const organization = await createOrganization(tx, { ...demoOrganization, isDemo: true }, null, 'demo');
    const join = async (account: { email: string; name: string; role: (typeof demoAccounts)[number]['role'] }) => {
      const user = await tx.users.findByEmail(account.email);
      if (user) await setPassword(tx, user.id, demoPassword, 'demo');
      const tenantMember = user ? await tx.tenant(organization.id).members.find(user.id) : undefined;
      return tenantMember ?? addMember(tx, organization.id, { ...account, password: demoPassword }, 'demo');
    };
    const accountIds = new Map<string, string>();
    for (const account of demoAccounts) accountIds.set(account.role, (await join(account)).userId);

    const tenant = tx.tenant(organization.id);
    const model = await requireModel(tenant, 'eis-toc');
    const dataset = generateDemo({ seed: options.seed ?? DEMO_SEED, model, currentMonth });
    const userIds = new Map<string, string>();
    for (const practitioner of dataset.practitioners) {
      const member = await join({ email: practitioner.email, name: practitioner.name, role: 'practitioner' });
      userIds.set(practitioner.key, member.userId);
    }
    const partnerIds = new Map<string, string>();
    for (const partner of dataset.partners) {
      const parentId = partner.parentKey === null ? null : partnerIds.get(partner.parentKey)!;
      partnerIds.set(
        partner.key,
        (await createPartner(tx, organization.id, partnerInput(partner, parentId), 'demo')).id,
      );
    }
    const contactIds = new Map<string, string>();
    for (const contact of dataset.contacts) {
      contactIds.set(
        contact.key,
        (await createContact(tx, organization.id, contactInput(contact, partnerIds.get(contact.partnerKey)!), 'demo'))
          .id,
      );
    }
    const engagementIds = new Map<string, string>();
    for (const engagement of dataset.engagements) {
      const team = engagement.supportTeamKeys.map((key) => userIds.get(key)!);
      // The demo lead coaches the demo practitioner login: they share its support teams.
      if (engagement.supportTeamKeys.includes('isp-1')) team.push(accountIds.get('lead')!);
      engagementIds.set(
        engagement.key,
        (
          await createEngagement(
            tx,
            organization.id,
            engagementInput(engagement, partnerIds.get(engagement.partnerKey)!, team),
            'demo',
          )
        ).id,
      );
    }
    // The demo partner login belongs to the partner of the first engagement, and so sees its engagements.
    const partnerOfFirst = dataset.engagements[0] && partnerIds.get(dataset.engagements[0].partnerKey);
    if (partnerOfFirst)
      await attachMemberToPartner(tx, organization.id, accountIds.get('partner')!, partnerOfFirst, 'demo');
    const interactionIds: string[] = [];
    for (const interaction of dataset.interactions) {
      const input = interactionInput(
        interaction,
        engagementIds.get(interaction.engagementKey)!,
        interaction.participantContactKeys.map((key) => contactIds.get(key)!),
      );
      interactionIds.push((await logInteraction(tx, organization.id, input, userIds.get(interaction.loggedByKey)!)).id);
    }
    for (const { engagementKey, pattern: _pattern, activities, ...plan } of generateStagePlans(
      dataset,
      model,
      currentMonth,
    ))
      await createStagePlan(
        tx,
        organization.id,
        {
          ...plan,
          engagementId: engagementIds.get(engagementKey)!,
          activities: activities.map(({ ownerKey, ...activity }) => ({
            ...activity,
            ownerId: userIds.get(ownerKey) ?? accountIds.get('practitioner')!,
          })),
        },
        'demo',
      );
    for (const plan of generateOutcomeMeasurements(dataset, {
      seed: options.seed ?? DEMO_SEED,
      end: demoWindow(currentMonth).end,
    })) {
      const wave = await createWave(
        tx,
        organization.id,
        engagementIds.get(plan.engagementKey)!,
        {
          name: plan.name,
          kind: plan.kind,
          scheduledOn: plan.scheduledOn,
          instruments: [DEMO_MEASUREMENT_INSTRUMENT],
          levels: ['individual'],
        },
        'demo',
      );
      for (const response of plan.responses) {
        await enterResponse(
          tx,
          organization.id,
          wave.id,
          {
            contactId: contactIds.get(response.contactKey)!,
            anonymous: false,
            level: 'individual',
            partnerId: null,
            answers: response.answers,
          },
          'demo',
        );
      }
    }
    await seedDemoCoaching(tx, organization.id, dataset, model, options.seed ?? DEMO_SEED, {
      interactionIds,
      engagementIds,
      userIds,
      lead: accountIds.get('lead')!,
      admin: accountIds.get('admin')!,
    });
    return { organizationId: organization.id, created: true, interactions: describeDemo(dataset).interactions };
  });
}
