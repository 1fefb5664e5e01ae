import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { WaveInput } from '../../src/domain/measurement/schemas.ts';
import type { Engagement, Interaction } from '../../src/domain/support/schemas.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { createWave } from '../../src/app/measurement/create-wave.ts';
import { enterResponse } from '../../src/app/measurement/enter-response.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import { createPartner } from '../../src/app/partners/create-partner.ts';
import type { Store } from '../../src/store/store.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { typicalInteraction } from '../support/records.ts';

/** Words that stand for personal data and free text: none may appear anywhere in an export. */
export const secrets = {
  partner: 'Marigold Obscura Agency',
  contact: 'Zebulon Quartermain',
  email: 'zebulon.q@obscura.example',
  contactRole: 'Keeper of Juniper Anvils',
  engagement: 'Operation Pinecone Lantern',
  goal: 'Reach the Vermilion Harbor',
  notes: 'Tangerine sextant discussed in confidence',
  nextStep: 'Polish the cobalt whistle',
  owner: 'Saffron Ledger',
  tag: 'obsidian-fern',
  wave: 'Wave of the Silver Heron',
};

export interface ResearchWorld {
  organizationId: string;
  slug: string;
  adminEmail: string;
  adminId: string;
  /** The practitioner on every support team, who logged every interaction. */
  ispId: string;
  /** Every raw id of the seeded records: none may appear in an export. */
  rawIds: string[];
  /** Personal and free-text values, including the members' names and e-mail addresses. */
  personal: string[];
  engagements: Engagement[];
  interactions: Interaction[];
}

/**
 * An organization with four engagements, named contacts, interactions carrying notes and next steps, a
 * deleted interaction, and two waves of individual AIM scores per engagement.
 */
export async function buildResearchWorld(store: Store): Promise<ResearchWorld> {
  const { organization, admin } = await buildOrganization(store);
  const orgId = organization.id;
  const isp = await buildMember(store, orgId, 'practitioner');
  const rawIds: string[] = [orgId, admin.userId, isp.userId];
  const personal = [...Object.values(secrets), organization.name, admin.name, admin.email, isp.name, isp.email];
  const system = await createPartner(
    store,
    orgId,
    {
      name: `${secrets.partner} System`,
      kind: 'system',
      parentId: null,
      type: 'state system',
      region: 'East',
      stateOrCountry: 'NC',
      tags: [secrets.tag],
    },
    admin.userId,
  );
  rawIds.push(system.id);
  const engagements: Engagement[] = [];
  const interactions: Interaction[] = [];
  for (let n = 1; n <= 4; n += 1) {
    const partner = await createPartner(
      store,
      orgId,
      {
        name: `${secrets.partner} ${n}`,
        kind: 'organization',
        parentId: system.id,
        type: 'county agency',
        region: 'East',
        stateOrCountry: 'NC',
        tags: [secrets.tag],
      },
      admin.userId,
    );
    const contacts = [];
    for (const level of ['individual', 'team'] as const) {
      contacts.push(
        await createContact(
          store,
          orgId,
          {
            partnerId: partner.id,
            name: `${secrets.contact} ${n}${level}`,
            email: `${n}${level}.${secrets.email}`,
            level,
            role: secrets.contactRole,
            language: null,
          },
          admin.userId,
        ),
      );
    }
    const startDate = `2020-0${n}-15`;
    const engagement = await createEngagement(
      store,
      orgId,
      {
        partnerId: partner.id,
        name: `${secrets.engagement} ${n}`,
        supportTeam: [isp.userId],
        startDate,
        endDate: '2021-06-30',
        modelId: 'eis-toc',
        modelVersion: '1.0.0',
        stages: [{ stageId: 'readiness-exploration', startedOn: startDate }],
        goals: [secrets.goal],
      },
      admin.userId,
    );
    engagements.push(engagement);
    rawIds.push(partner.id, engagement.id, ...contacts.map((c) => c.id));
    for (let k = 0; k < 3 + n; k += 1) {
      const date = `2020-${String(n + k).padStart(2, '0')}-20`;
      const interaction = await logInteraction(
        store,
        orgId,
        typicalInteraction(engagement.id, {
          date,
          durationMinutes: 90 + 15 * k + n,
          participants: { contactIds: contacts.map((c) => c.id), counts: { team: 3 } },
          notes: `${secrets.notes} (${n}/${k})`,
          nextSteps: [{ text: secrets.nextStep, owner: secrets.owner, dueDate: null, done: false }],
        }),
        isp.userId,
      );
      interactions.push(interaction);
      rawIds.push(interaction.id);
    }
    const removed = await logInteraction(
      store,
      orgId,
      typicalInteraction(engagement.id, { date: '2020-12-01', notes: secrets.notes }),
      isp.userId,
    );
    await deleteInteraction(store, orgId, removed.id, undefined, isp.userId);
    rawIds.push(removed.id);
    for (const [w, scheduledOn] of [`2020-0${n}-20`, `2020-${String(n + 5).padStart(2, '0')}-25`].entries()) {
      const wave = await createWave(
        store,
        orgId,
        engagement.id,
        WaveInput.parse({
          name: `${secrets.wave} ${w}`,
          kind: w === 0 ? 'baseline' : 'follow-up',
          scheduledOn,
          instruments: [{ instrumentId: 'aim-support', version: '1.0.0' }],
        }),
        admin.userId,
      );
      rawIds.push(wave.id);
      for (const [c, contact] of contacts.entries()) {
        const v = Math.min(5, 1 + w + ((n + c) % 3));
        await enterResponse(
          store,
          orgId,
          wave.id,
          {
            contactId: contact.id,
            anonymous: false,
            level: 'individual',
            partnerId: null,
            answers: { 'aim-support': { 'aim-1': v, 'aim-2': v, 'aim-3': Math.max(1, v - 1), 'aim-4': v } },
          },
          admin.userId,
        );
      }
    }
  }
  return {
    organizationId: orgId,
    slug: organization.slug,
    adminEmail: admin.email,
    adminId: admin.userId,
    ispId: isp.userId,
    rawIds,
    personal,
    engagements,
    interactions,
  };
}

/** The files of a zip by name. */
export function unzipExport(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** A CSV file of the export as header and rows. */
export function readCsv(files: Map<string, Uint8Array>, name: string): { header: string[]; rows: string[][] } {
  const bytes = files.get(name);
  if (!bytes) throw new Error(`${name} is not in the export`);
  const [header, ...rows] = parse(strFromU8(bytes)) as string[][];
  return { header: header!, rows };
}
