import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/analysis/home/home-figures.ts';
import { deleteEngagement } from '../../src/app/engagements/delete-engagement.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { updateInteraction } from '../../src/app/interactions/update-interaction.ts';
import { createWave } from '../../src/app/measurement/create-wave.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

const today = new Date().toISOString().slice(0, 10);

describe.each(engines)('the home of each role on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let org: string;
  const clients: Record<string, Client> = {};
  let mine: { id: string; name: string };
  let theirs: { id: string; name: string };
  let ended: { id: string };

  const signedIn = async (email: string) => {
    const client = new Client(server.baseUrl);
    expect((await client.login(email, testPassword)).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const { organization, admin } = await buildOrganization(t.store);
    org = `/api/orgs/${organization.id}`;
    const practitioner = await buildMember(t.store, organization.id, 'practitioner');
    const colleague = await buildMember(t.store, organization.id, 'practitioner');
    const lead = await buildMember(t.store, organization.id, 'lead');
    const researcher = await buildMember(t.store, organization.id, 'researcher');
    const partner = await buildMember(t.store, organization.id, 'partner');
    const start = addDays(today, -90);
    mine = (await buildEngagement(t.store, organization.id, practitioner.userId, start)).engagement;
    theirs = (await buildEngagement(t.store, organization.id, colleague.userId, start)).engagement;
    const old = await buildEngagement(t.store, organization.id, practitioner.userId, addDays(today, -400));
    ended = old.engagement;
    await t.store
      .tenant(organization.id)
      .engagements.update(ended.id, 1, { ...old.engagement, endDate: addDays(today, -200) }, 'test');

    const log = (engagementId: string, date: string, minutes: number, nextSteps: unknown[], by: string) =>
      logInteraction(
        t.store,
        organization.id,
        typicalInteraction(engagementId, { date, durationMinutes: minutes, nextSteps: nextSteps as never }),
        by,
      );
    await log(mine.id, addDays(today, -40), 95, [], practitioner.userId);
    await log(
      mine.id,
      today,
      90,
      [
        { text: 'Send the fidelity checklist', owner: 'Pat', dueDate: addDays(today, -1), done: false },
        { text: 'Book the coaching call', owner: 'Pat', dueDate: addDays(today, 3), done: false },
        { text: 'Plan the spring review', owner: 'Pat', dueDate: addDays(today, 30), done: false },
        { text: 'Already done', owner: 'Pat', dueDate: addDays(today, -2), done: true },
      ],
      practitioner.userId,
    );
    await log(
      theirs.id,
      addDays(today, -10),
      90,
      [
        { text: 'Share the data summary', owner: 'Quinn', dueDate: addDays(today, -5), done: false },
        { text: 'Call the director', owner: 'Quinn', dueDate: addDays(today, -3), done: false },
      ],
      colleague.userId,
    );
    const wave = (engagementId: string, name: string, scheduledOn: string) =>
      createWave(
        t.store,
        organization.id,
        engagementId,
        {
          name,
          kind: 'follow-up',
          scheduledOn,
          instruments: [{ instrumentId: 'aim-support', version: '1.0.0' }],
          levels: ['individual'],
        },
        'test',
      );
    await wave(mine.id, 'Six-month survey', addDays(today, 5));
    await wave(mine.id, 'Far-off survey', addDays(today, 90));
    await wave(theirs.id, 'Their survey', addDays(today, 2));
    await wave(theirs.id, 'Last survey', addDays(today, -20));

    clients.practitioner = await signedIn(practitioner.email);
    clients.lead = await signedIn(lead.email);
    clients.researcher = await signedIn(researcher.email);
    clients.partner = await signedIn(partner.email);
    clients.admin = await signedIn(admin.email);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('shows a practitioner only their active engagements, with stage, last contact and this month’s minutes', async () => {
    const reply = await clients.practitioner!.get(`${org}/home`);
    expect(reply.status).toBe(200);
    const home = reply.body;
    expect(home.role).toBe('practitioner');
    expect(home.today).toBe(today);
    expect(home.engagements.map((e: { id: string }) => e.id)).toEqual([mine.id]);
    expect(home.engagements[0]).toMatchObject({
      name: mine.name,
      currentStageId: 'readiness-exploration',
      lastContact: today,
      daysSinceContact: 0,
      minutesThisMonth: addDays(today, -40).slice(0, 7) === today.slice(0, 7) ? 185 : 90,
    });
    expect(home.engagements[0].currentStageName).not.toBe('readiness-exploration');
    expect(home.engagements[0].partnerName).toMatch(/^Partner /);
    expect(home.overdueByOwner).toBeNull();
    expect(home.freshness).toBeNull();
    expect(home.setup).toBeNull();
  });

  it('lists the practitioner’s open next steps overdue and due this week, and their waves due', async () => {
    const { nextSteps, wavesDue } = (await clients.practitioner!.get(`${org}/home`)).body;
    expect(nextSteps).toMatchObject({ overdue: 1, dueSoon: 1, dueBy: addDays(today, 7) });
    expect(nextSteps.items.map((s: { text: string; overdue: boolean }) => [s.text, s.overdue])).toEqual([
      ['Send the fidelity checklist', true],
      ['Book the coaching call', false],
    ]);
    expect(nextSteps.items[0].engagementName).toBe(mine.name);
    expect(wavesDue.map((w: { name: string }) => w.name)).toEqual(['Six-month survey']);
  });

  it('shows a lead the active engagements needing attention, longest without contact first, and whose next steps are overdue', async () => {
    const home = (await clients.lead!.get(`${org}/home`)).body;
    expect(home.engagements.map((e: { id: string }) => e.id)).toEqual([theirs.id, mine.id]);
    expect(home.engagementsTotal).toBe(2);
    expect(home.engagements[0]).toMatchObject({ daysSinceContact: 10, overdueNextSteps: 2 });
    expect(home.engagements[1]).toMatchObject({ daysSinceContact: 0, overdueNextSteps: 1 });
    expect(home.nextSteps).toMatchObject({ overdue: 3, dueSoon: 1 });
    expect(home.overdueByOwner).toEqual([
      { owner: 'Quinn', count: 2, oldestDue: addDays(today, -5) },
      { owner: 'Pat', count: 1, oldestDue: addDays(today, -1) },
    ]);
    // Due from two weeks ago to a month ahead: the survey twenty days ago is past.
    expect(home.wavesDue.map((w: { name: string }) => w.name)).toEqual(['Their survey', 'Six-month survey']);
    expect(home.setup).toBeNull();
  });

  it('counts whose next steps are overdue from steps due in earlier months and earlier this month, of live engagements only, as steps are done and records deleted', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const lead = await buildMember(t.store, organization.id, 'lead');
    const start = addDays(today, -200);
    const a = (await buildEngagement(t.store, organization.id, admin.userId, start)).engagement;
    const b = (await buildEngagement(t.store, organization.id, admin.userId, start)).engagement;
    const step = (owner: string, days: number | null, done = false) => ({
      text: `Step of ${owner || 'nobody'} due ${days ?? 'whenever'}`,
      owner,
      dueDate: days === null ? null : addDays(today, days),
      done,
    });
    const log = (engagementId: string, date: string, nextSteps: unknown[]) =>
      logInteraction(
        t.store,
        organization.id,
        typicalInteraction(engagementId, { date, durationMinutes: 90, nextSteps: nextSteps as never }),
        admin.userId,
      );
    // Due months ago, last month, earlier this month (or late last month on the 1st) and yesterday;
    // done, undated and future steps are never overdue.
    const oldest = await log(a.id, addDays(today, -100), [step('Quinn', -70), step('Pat', -95, true)]);
    await log(a.id, addDays(today, -45), [step('Pat', -40), step('Pat', null), step('Quinn', 5)]);
    const recent = await log(a.id, addDays(today, -3), [step('Pat', -1), step('', -2)]);
    await log(b.id, addDays(today, -20), [step('Quinn', -10), step('Robin', -15)]);
    const client = await signedIn(lead.email);
    const home = async () => (await client.get(`/api/orgs/${organization.id}/home`)).body;

    let seen = await home();
    expect(seen.overdueByOwner).toEqual([
      { owner: 'Pat', count: 2, oldestDue: addDays(today, -40) },
      { owner: 'Quinn', count: 2, oldestDue: addDays(today, -70) },
      { owner: '', count: 1, oldestDue: addDays(today, -2) },
      { owner: 'Robin', count: 1, oldestDue: addDays(today, -15) },
    ]);
    expect(seen.nextSteps.overdue).toBe(6);

    // A deleted engagement's steps are nobody's work any more: gone from the counts and the list.
    await deleteEngagement(t.store, organization.id, b.id, undefined, admin.userId);
    // Yesterday's step of Pat is done; the oldest interaction is deleted.
    await updateInteraction(
      t.store,
      organization.id,
      recent.id,
      recent.version,
      {
        ...typicalInteraction(a.id, { date: recent.date, durationMinutes: 90 }),
        nextSteps: [step('Pat', -1, true), step('', -2)],
      },
      admin.userId,
    );
    await deleteInteraction(t.store, organization.id, oldest.id, undefined, admin.userId);
    seen = await home();
    expect(seen.overdueByOwner).toEqual([
      { owner: '', count: 1, oldestDue: addDays(today, -2) },
      { owner: 'Pat', count: 1, oldestDue: addDays(today, -40) },
    ]);
    expect(seen.nextSteps.overdue).toBe(2);
    expect(
      seen.nextSteps.items.filter((s: { overdue: boolean }) => s.overdue).map((s: { owner: string }) => s.owner),
    ).toEqual(['Pat', '']);
  });

  it('lists a team of many engagements by need: overdue next steps first, at most 25 cards, with the total', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const lead = await buildMember(t.store, organization.id, 'lead');
    const built: { id: string; name: string }[] = [];
    for (let i = 0; i < 27; i++)
      built.push((await buildEngagement(t.store, organization.id, admin.userId, addDays(today, -60))).engagement);
    const [overdue, contacted, quiet] = [built[0]!, built[1]!, built[2]!];
    const log = (engagementId: string, date: string, nextSteps: unknown[]) =>
      logInteraction(
        t.store,
        organization.id,
        typicalInteraction(engagementId, { date, durationMinutes: 90, nextSteps: nextSteps as never }),
        admin.userId,
      );
    // Contacted today but with a step overdue: first. Contacted today with nothing overdue: last.
    await log(overdue.id, today, [{ text: 'Overdue', owner: 'Pat', dueDate: addDays(today, -1), done: false }]);
    await log(contacted.id, today, []);
    await log(quiet.id, addDays(today, -50), []);
    const client = await signedIn(lead.email);
    const home = (await client.get(`/api/orgs/${organization.id}/home`)).body;
    expect(home.engagementsTotal).toBe(27);
    expect(home.engagements).toHaveLength(25);
    expect(home.engagements[0]).toMatchObject({ id: overdue.id, overdueNextSteps: 1, daysSinceContact: 0 });
    // Then the never contacted, by name, then the one fifty days without contact.
    const never = built.slice(3).sort((a, b) => a.name.localeCompare(b.name));
    expect(home.engagements.slice(1, 24).map((e: { id: string }) => e.id)).toEqual(never.slice(0, 23).map((e) => e.id));
    expect(home.engagements.map((e: { id: string }) => e.id)).not.toContain(contacted.id);
    expect(home.engagements.every((e: { partnerName: string }) => e.partnerName.startsWith('Partner '))).toBe(true);
  });

  it('shows a researcher how fresh the data are and the hypotheses, and nothing of the support week', async () => {
    const home = (await clients.researcher!.get(`${org}/home`)).body;
    expect(home.freshness).toEqual({
      lastInteraction: today,
      daysSinceInteraction: 0,
      lastWave: addDays(today, -20),
      daysSinceWave: 20,
    });
    expect(home.hypotheses).toEqual([]);
    expect(home.engagements).toBeNull();
    expect(home.nextSteps).toBeNull();
  });

  it('shows an administrator the team view and a completed setup checklist', async () => {
    const home = (await clients.admin!.get(`${org}/home`)).body;
    expect(home.engagements).toHaveLength(2);
    expect(home.engagementsTotal).toBe(2);
    expect(home.setup).toEqual([
      { id: 'model', done: true },
      { id: 'members', done: true },
      { id: 'partners', done: true },
      { id: 'engagement', done: true },
    ]);
  });

  it('gives the administrator of a new organization an open setup checklist', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const client = await signedIn(admin.email);
    const home = (await client.get(`/api/orgs/${organization.id}/home`)).body;
    expect(home.setup).toEqual([
      { id: 'model', done: false },
      { id: 'members', done: false },
      { id: 'partners', done: false },
      { id: 'engagement', done: false },
    ]);
    expect(home.engagements).toEqual([]);
    expect(home.nextSteps).toMatchObject({ overdue: 0, dueSoon: 0, items: [] });
  });

  it('shows a partner no engagement data, and answers 404 to a non-member', async () => {
    const home = (await clients.partner!.get(`${org}/home`)).body;
    expect(home).toMatchObject({ role: 'partner', engagements: null, nextSteps: null, wavesDue: null });
    const other = await buildOrganization(t.store);
    const outsider = await signedIn(other.admin.email);
    expect((await outsider.get(`${org}/home`)).status).toBe(404);
  });
});
