import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { inviteRespondent } from '../../src/app/measurement/invite-respondent.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildPopulatedOrganization, type PopulatedOrganization } from '../support/populated-organization.ts';
import { typicalInteraction } from '../support/records.ts';

describe.each(engines)('the partner view over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let a: PopulatedOrganization;
  let org: string;
  let admin: Client;
  let partner: Client;

  const signedIn = async (email: string): Promise<Client> => {
    const client = new Client(server.baseUrl);
    expect((await client.login(email, testPassword)).status).toBe(200);
    return client;
  };
  const attach = (client: Client, userId: string, partnerId: string | null) =>
    client.request('PUT', `${org}/members/${userId}/partner`, { partnerId });

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    a = await buildPopulatedOrganization(t.store, 'Partnerview');
    org = `/api/orgs/${a.organizationId}`;
    admin = await signedIn(a.admin.email);
    partner = await signedIn(a.members.partner.email);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('shows an unattached partner member no engagement, and staff none of the partner view', async () => {
    const list = await partner.get(`${org}/partner-view/engagements`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ partner: null, items: [] });
    expect((await partner.get(`${org}/partner-view/engagements/${a.records.engagements[1]}`)).status).toBe(404);
    const staff = await admin.get(`${org}/partner-view/engagements`);
    expect(staff.status).toBe(403);
  });

  it('attaches a partner member to a partner, keeps the change in the history, and refuses the wrong ones', async () => {
    const [system, agency] = a.records.partners;
    const attached = await attach(admin, a.members.partner.userId, agency!);
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({ userId: a.members.partner.userId, partnerId: agency });
    const members = (await admin.get(`${org}/members`)).body.items;
    expect(members.find((m: { userId: string }) => m.userId === a.members.partner.userId).partnerId).toBe(agency);
    const history = await t.store.tenant(a.organizationId).history('membership', a.members.partner.userId);
    expect(history.at(-1)).toMatchObject({ action: 'update', changes: { partnerId: [null, agency] } });

    const practitioner = await attach(admin, a.members.practitioner.userId, system!);
    expect(practitioner.status).toBe(400);
    expect(practitioner.body.error.details[0].path).toBe('partnerId');
    const unknown = await attach(admin, a.members.partner.userId, '01a00000-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('partnerId');
    const other = await buildOrganization(t.store, 'Elsewhere');
    const outsider = await buildMember(t.store, other.organization.id, 'partner');
    expect((await attach(admin, outsider.userId, agency!)).status).toBe(404);
    const lead = await signedIn(a.members.lead.email);
    expect((await attach(lead, a.members.partner.userId, system!)).status).toBe(403);
    // Refusals changed nothing.
    expect(await t.store.tenant(a.organizationId).history('membership', a.members.partner.userId)).toHaveLength(
      history.length,
    );
  });

  it('shows the engagements of the partner and of the partners below it, and no other partner’s', async () => {
    const [, agency, team] = a.records.partners;
    const [ofAgency, ofTeam] = a.records.engagements;
    await attach(admin, a.members.partner.userId, agency!);
    const fromAgency = await partner.get(`${org}/partner-view/engagements`);
    expect(fromAgency.body.partner).toEqual({ id: agency, name: 'Partnerview County Agency' });
    expect(fromAgency.body.items.map((e: { id: string }) => e.id).sort()).toEqual([ofAgency, ofTeam].sort());

    await attach(admin, a.members.partner.userId, team!);
    const fromTeam = await partner.get(`${org}/partner-view/engagements`);
    expect(fromTeam.body.items).toEqual([
      expect.objectContaining({ id: ofTeam, partnerId: team, partnerName: 'Partnerview Intake Team' }),
    ]);
    expect((await partner.get(`${org}/partner-view/engagements/${ofAgency}`)).status).toBe(404);
  });

  it('shows plan, stages and progress, the next steps assigned to them and their surveys, never a note', async () => {
    const [, , team] = a.records.partners;
    const [, ofTeam] = a.records.engagements;
    await attach(admin, a.members.partner.userId, team!);
    const actor = a.admin.userId;
    await logInteraction(
      t.store,
      a.organizationId,
      typicalInteraction(ofTeam!, {
        date: '2020-06-10',
        notes: 'Partnerview private staff notes',
        nextSteps: [
          {
            text: 'Share the referral data',
            owner: `  ${a.members.partner.name.toUpperCase()} `,
            dueDate: '2020-07-01',
            done: false,
          },
          { text: 'Draft the agenda', owner: 'Someone else', dueDate: '2020-07-02', done: false },
          { text: 'Already done', owner: a.members.partner.email, dueDate: '2020-06-20', done: true },
        ],
      }),
      actor,
    );
    const contact = await createContact(
      t.store,
      a.organizationId,
      {
        partnerId: team!,
        name: a.members.partner.name,
        email: a.members.partner.email,
        level: 'individual',
        role: '',
        language: null,
      },
      actor,
    );
    const teamWaves = (await admin.get(`${org}/engagements/${ofTeam}/waves`)).body.items as {
      id: string;
      name: string;
    }[];
    await inviteRespondent(
      t.store,
      a.organizationId,
      teamWaves[0]!.id,
      { contactId: contact.id, anonymous: false, level: 'individual', partnerId: null, expiresInDays: 30 },
      actor,
    );

    const reply = await partner.get(`${org}/partner-view/engagements/${ofTeam}`);
    expect(reply.status).toBe(200);
    const view = reply.body;
    expect(view.engagement).toMatchObject({
      id: ofTeam,
      goals: ['Partnerview goal'],
      openNextSteps: 1,
      surveysWaiting: 1,
    });
    expect(view.stages).toEqual([
      { stageId: 'readiness-exploration', name: expect.any(String), startedOn: '2020-01-15', current: true },
    ]);
    expect(view.plans).toHaveLength(1);
    expect(view.plans[0].goals[0]).toMatchObject({ text: 'Partnerview plan goal', targetDate: '2020-06-30' });
    expect(view.plans[0].emphasis[0]).toMatchObject({ componentId: 'relating', minutesPerMonth: 120 });
    // The same totals the staff's engagement page shows, from the same rollups.
    const overview = (await admin.get(`${org}/engagements/${ofTeam}/overview`)).body;
    expect(view.progress).toMatchObject({ interactions: 3, minutes: overview.totals.minutes });
    expect(view.progress.minutesByComponent.map((c: { componentId: string }) => c.componentId)).toContain('relating');
    expect(view.progress.minutes).toBeGreaterThan(0);
    expect(view.nextSteps).toEqual([
      { text: 'Share the referral data', owner: expect.any(String), dueDate: '2020-07-01', overdue: true },
    ]);
    expect(view.surveys).toEqual([
      {
        waveName: teamWaves[0]!.name,
        scheduledOn: expect.any(String),
        status: 'unused',
        expiresAt: expect.any(String),
      },
    ]);
    const text = JSON.stringify(view);
    for (const staffText of ['notes', 'practised', 'feedback', 'Someone else', 'Partnerview next step'])
      expect(text).not.toContain(staffText);
    const list = (await partner.get(`${org}/partner-view/engagements`)).body.items;
    expect(list[0]).toMatchObject({ openNextSteps: 1, surveysWaiting: 1 });
  });

  it('detaches a partner member whose role changes, and keeps that in the history', async () => {
    const [, agency] = a.records.partners;
    const member = await buildMember(t.store, a.organizationId, 'partner');
    expect((await attach(admin, member.userId, agency!)).status).toBe(200);
    const changed = await admin.patch(`${org}/members/${member.userId}`, { role: 'practitioner' });
    expect(changed.body).toMatchObject({ role: 'practitioner', partnerId: null });
    const history = await t.store.tenant(a.organizationId).history('membership', member.userId);
    expect(history.at(-1)).toMatchObject({
      changes: { role: ['partner', 'practitioner'], partnerId: [agency, null] },
    });
  });

  it('detaches a partner member, who then sees nothing', async () => {
    expect((await attach(admin, a.members.partner.userId, null)).body.partnerId).toBeNull();
    expect((await partner.get(`${org}/partner-view/engagements`)).body).toEqual({ partner: null, items: [] });
    expect((await partner.get(`${org}/partner-view/engagements/${a.records.engagements[1]}`)).status).toBe(404);
  });
});
