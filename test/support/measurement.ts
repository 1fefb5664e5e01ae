import type { Engine } from '../../src/store/database.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import { createPartner } from '../../src/app/partners/create-partner.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { buildMember, buildOrganization, testPassword } from './factories.ts';
import { Client, startServer } from './http.ts';
import { buildEngagement } from './records.ts';

/** What a measurement test over HTTP works with: one engagement whose partner has a team of named contacts. */
export interface MeasurementWorld {
  t: TestDatabase;
  server: Awaited<ReturnType<typeof startServer>>;
  /** A lead of the organization, signed in. */
  staff: Client;
  /** A client with no session, as a survey respondent is. */
  partner: Client;
  orgId: string;
  /** `/api/orgs/:orgId`. */
  org: string;
  /** The lead's user id. */
  actor: string;
  engagementId: string;
  teamId: string;
  /** The team's contacts, in the order their names were given. */
  contactIds: string[];
  close(): Promise<void>;
}

/**
 * A fresh database and server (with `env` added to its settings) holding an organization, a lead, an
 * engagement with a partner organization, an intake team under it and one contact per name in the team.
 */
export async function buildMeasurementWorld(
  engine: Engine,
  env: Record<string, string>,
  contactNames: readonly string[],
): Promise<MeasurementWorld> {
  const t = await createTestDatabase(engine);
  const server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000', ...env });
  const orgId = (await buildOrganization(t.store)).organization.id;
  const lead = await buildMember(t.store, orgId, 'lead');
  const actor = lead.userId;
  const { partner: agency, engagement } = await buildEngagement(t.store, orgId, actor);
  const teamId = (
    await createPartner(
      t.store,
      orgId,
      { name: 'Intake team', kind: 'team', parentId: agency.id, type: '', region: '', stateOrCountry: '', tags: [] },
      actor,
    )
  ).id;
  const contactIds: string[] = [];
  for (const name of contactNames)
    contactIds.push(
      (
        await createContact(
          t.store,
          orgId,
          { partnerId: teamId, name, email: '', level: 'individual', role: '', language: null },
          actor,
        )
      ).id,
    );
  const staff = new Client(server.baseUrl);
  await staff.login(lead.email, testPassword);
  return {
    t,
    server,
    staff,
    partner: new Client(server.baseUrl),
    orgId,
    org: `/api/orgs/${orgId}`,
    actor,
    engagementId: engagement.id,
    teamId,
    contactIds,
    close: async () => {
      await server.close();
      await t.dispose();
    },
  };
}
