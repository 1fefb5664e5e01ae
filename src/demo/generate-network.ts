import type { Level } from '../domain/support/schemas.ts';
import { demoAccounts } from '../domain/accounts/demo-accounts.ts';
import type { DemoContact, DemoPartner, DemoPractitioner } from './dataset.ts';
import type { Random } from './random.ts';
import { demoPractitionerNames, demoStates, emailLocalPart, personName } from './synthetic-names.ts';

/**
 * The support network of the demo: the practitioners who give support, and the partners who receive
 * it — two state systems, thirteen regional organizations under them, and a team or two in some
 * regions — each with a few contacts at the levels the model's outcomes name.
 */

/** One supported region, with what the rest of the generator needs to know about it. */
export interface DemoRegion {
  partnerKey: string;
  name: string;
  stateName: string;
  /** Contacts of the regional organization and of its teams: who usually takes part in support. */
  localContactKeys: string[];
  /** Contacts of the state system, who join now and then. */
  stateContactKeys: string[];
}

export interface DemoNetwork {
  practitioners: DemoPractitioner[];
  partners: DemoPartner[];
  contacts: DemoContact[];
  regions: DemoRegion[];
}

const SYNTHETIC_TAG = 'synthetic-demo';

const teamFocuses = [
  'Family Support',
  'School Partnerships',
  'Early Childhood',
  'Community Coalition',
  'Youth Mentoring',
];
const regionSettings = ['rural', 'mixed rural-urban', 'urban', 'frontier'];

/** Roles of contacts by the kind of partner they belong to: [role, level, how likely the contact exists]. */
const contactRoles: Record<DemoPartner['kind'], Array<[role: string, level: Level, likelihood: number]>> = {
  system: [
    ['state program director', 'system', 1],
    ['state evaluation lead', 'system', 1],
  ],
  organization: [
    ['regional director', 'organization', 1],
    ['implementation team lead', 'team', 1],
    ['program coordinator', 'individual', 1],
    ['data and quality lead', 'individual', 0.5],
  ],
  team: [
    ['team lead', 'team', 1],
    ['front-line practitioner', 'individual', 1],
  ],
};

/** The practitioner demo login first, so that signing in as it shows engagements of one's own. */
function generatePractitioners(): DemoPractitioner[] {
  const login = demoAccounts.find((account) => account.role === 'practitioner');
  const practitioners: DemoPractitioner[] = login ? [{ key: 'isp-1', email: login.email, name: login.name }] : [];
  for (const name of demoPractitionerNames) {
    practitioners.push({
      key: `isp-${practitioners.length + 1}`,
      email: `${emailLocalPart(name)}@demo.praxis.test`,
      name: `${name} (demo)`,
    });
  }
  return practitioners;
}

export function generateNetwork(random: Random): DemoNetwork {
  const partners: DemoPartner[] = [];
  const contacts: DemoContact[] = [];
  const regions: DemoRegion[] = [];
  const takenNames = new Set<string>();

  const addContacts = (partner: DemoPartner): string[] => {
    const keys: string[] = [];
    for (const [role, level, likelihood] of contactRoles[partner.kind]) {
      if (!random.chance(likelihood)) continue;
      const name = personName(random, takenNames);
      const key = `${partner.key}/contact-${keys.length + 1}`;
      contacts.push({
        key,
        partnerKey: partner.key,
        name,
        email: `${emailLocalPart(name)}@example.org`,
        level,
        role,
        language: null,
      });
      keys.push(key);
    }
    return keys;
  };

  // Two regions in five have named implementation teams of their own; the rest work as one organization.
  const regionNames = demoStates.flatMap((state) => [...state.regions]);
  const regionsWithTeams = new Set(random.sample(regionNames, Math.round(regionNames.length * 0.4)));

  demoStates.forEach((state, s) => {
    const stateOrCountry = `${state.name} (fictional state)`;
    const system: DemoPartner = {
      key: `system-${s + 1}`,
      parentKey: null,
      name: `${state.name} State Prevention Support System (synthetic)`,
      kind: 'system',
      type: 'state system',
      region: '',
      stateOrCountry,
      tags: [SYNTHETIC_TAG, 'state-system'],
    };
    partners.push(system);
    const stateContactKeys = addContacts(system);

    state.regions.forEach((regionName, r) => {
      const organization: DemoPartner = {
        key: `region-${s + 1}-${String(r + 1).padStart(2, '0')}`,
        parentKey: system.key,
        name: `${regionName} Regional Prevention Collaborative (synthetic)`,
        kind: 'organization',
        type: 'regional organization',
        region: regionName,
        stateOrCountry,
        tags: [SYNTHETIC_TAG, 'region', random.pick(regionSettings)],
      };
      partners.push(organization);
      const localContactKeys = addContacts(organization);

      const teamCount = regionsWithTeams.has(regionName) ? random.int(1, 2) : 0;
      for (const focus of random.sample(teamFocuses, teamCount)) {
        const team: DemoPartner = {
          key: `${organization.key}-team-${focus.toLowerCase().replace(/\s+/g, '-')}`,
          parentKey: organization.key,
          name: `${regionName} ${focus} Team (synthetic)`,
          kind: 'team',
          type: 'implementation team',
          region: regionName,
          stateOrCountry,
          tags: [SYNTHETIC_TAG, 'team'],
        };
        partners.push(team);
        localContactKeys.push(...addContacts(team));
      }
      regions.push({
        partnerKey: organization.key,
        name: regionName,
        stateName: state.name,
        localContactKeys,
        stateContactKeys,
      });
    });
  });

  return { practitioners: generatePractitioners(), partners, contacts, regions };
}
