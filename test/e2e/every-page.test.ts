import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoAccounts, demoPassword } from '../../src/domain/accounts/demo-accounts.ts';
import { can } from '../../src/domain/accounts/policy.ts';
import type { Action } from '../../src/domain/accounts/policy.ts';
import { Client } from '../support/http.ts';
import { appRoutePatterns } from './support/app-routes.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { unfinishedSentences } from './support/sentences.ts';
import { signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const phone = { width: 375, height: 740 };

/** The records of the demo organization the pages with an id in their URL show, and the links made for the test. */
interface Seeded {
  orgId: string;
  emptyOrgId: string;
  engagementId: string;
  /** The current stage of that engagement, whose plan page is visited. */
  stageId: string;
  /** An engagement of the demo partner login's own partner. */
  partnerEngagementId: string;
  interactionId: string;
  partnerId: string;
  hypothesisId: string;
  instrumentId: string;
  modelId: string;
  practitionerId: string;
  surveyPath: string;
  invitationPath: string;
}

type Who = 'signed out' | 'member';

interface RouteVisit {
  who: Who;
  /** What the role must be allowed to do to reach the page (no action: every member). */
  action?: Action;
  url: (seeded: Seeded, orgId: string) => string;
  /** A page of the organization as a whole, also visited in a new organization to see its empty states. */
  organizationWide?: boolean;
}

const org = (path: string, action?: Action): RouteVisit => ({
  who: 'member',
  action,
  url: (_seeded, orgId) => `/orgs/${orgId}${path}`,
  organizationWide: true,
});
const record = (action: Action, path: (seeded: Seeded) => string): RouteVisit => ({
  who: 'member',
  action,
  url: (seeded) => `/orgs/${seeded.orgId}${path(seeded)}`,
});

/** How each route of the app is visited. A route the router has and this list lacks fails the test. */
const visits: Record<string, RouteVisit> = {
  '/login': { who: 'signed out', url: () => '/login' },
  '/survey/:token': { who: 'signed out', url: (seeded) => seeded.surveyPath },
  '/invitation/:token': { who: 'signed out', url: (seeded) => seeded.invitationPath },
  '/unsubscribe/:token': { who: 'signed out', url: () => '/unsubscribe/a-link-from-a-message' },
  '/profile': { who: 'member', url: () => '/profile' },
  '/orgs/new': { who: 'member', url: () => '/orgs/new' },
  '/*': { who: 'member', url: () => '/no-such-page' },
  '/orgs/:orgId': org(''),
  '/orgs/:orgId/about': org('/about'),
  '/orgs/:orgId/models': org('/models', 'models.view'),
  '/orgs/:orgId/models/new': org('/models/new', 'models.publish'),
  '/orgs/:orgId/models/:modelId': record('models.view', (s) => `/models/${s.modelId}`),
  '/orgs/:orgId/models/:modelId/edit': record('models.publish', (s) => `/models/${s.modelId}/edit`),
  '/orgs/:orgId/engagements': org('/engagements', 'records.view'),
  '/orgs/:orgId/engagements/new': org('/engagements/new', 'records.edit'),
  '/orgs/:orgId/engagements/:engagementId': record('records.view', (s) => `/engagements/${s.engagementId}`),
  '/orgs/:orgId/engagements/:engagementId/edit': record('records.edit', (s) => `/engagements/${s.engagementId}/edit`),
  '/orgs/:orgId/engagements/:engagementId/log': record('records.edit', (s) => `/engagements/${s.engagementId}/log`),
  '/orgs/:orgId/engagements/:engagementId/plans/:stageId': record(
    'records.view',
    (s) => `/engagements/${s.engagementId}/plans/${s.stageId}`,
  ),
  '/orgs/:orgId/our-engagements/:engagementId': record(
    'partner.view',
    (s) => `/our-engagements/${s.partnerEngagementId}`,
  ),
  '/orgs/:orgId/engagements/:engagementId/measurement': record(
    'measures.view',
    (s) => `/engagements/${s.engagementId}/measurement`,
  ),
  '/orgs/:orgId/engagements/:engagementId/observe': record(
    'coaching.edit',
    (s) => `/engagements/${s.engagementId}/observe`,
  ),
  '/orgs/:orgId/interactions': org('/interactions', 'records.view'),
  '/orgs/:orgId/interactions/import': org('/interactions/import', 'records.edit'),
  '/orgs/:orgId/interactions/import-mapping': org('/interactions/import-mapping', 'records.edit'),
  '/orgs/:orgId/interactions/:interactionId': record('records.view', (s) => `/interactions/${s.interactionId}`),
  '/orgs/:orgId/interactions/:interactionId/edit': record(
    'records.edit',
    (s) => `/interactions/${s.interactionId}/edit`,
  ),
  '/orgs/:orgId/interactions/:interactionId/review': record(
    'coaching.edit',
    (s) => `/interactions/${s.interactionId}/review`,
  ),
  '/orgs/:orgId/partners': org('/partners', 'records.view'),
  '/orgs/:orgId/partners/:partnerId': record('records.view', (s) => `/partners/${s.partnerId}`),
  '/orgs/:orgId/dashboard': org('/dashboard', 'records.view'),
  '/orgs/:orgId/analysis': org('/analysis', 'records.view'),
  '/orgs/:orgId/research/export': org('/research/export', 'research.export'),
  '/orgs/:orgId/instruments': org('/instruments', 'measures.view'),
  '/orgs/:orgId/instruments/:instrumentId': record('measures.view', (s) => `/instruments/${s.instrumentId}`),
  '/orgs/:orgId/hypotheses': org('/hypotheses', 'hypotheses.view'),
  '/orgs/:orgId/hypotheses/new': org('/hypotheses/new', 'hypotheses.manage'),
  '/orgs/:orgId/hypotheses/:hypothesisId': record('hypotheses.view', (s) => `/hypotheses/${s.hypothesisId}`),
  '/orgs/:orgId/coaching': org('/coaching', 'coaching.view'),
  '/orgs/:orgId/coaching/:userId': record('coaching.view', (s) => `/coaching/${s.practitionerId}`),
  '/orgs/:orgId/admin/members': org('/admin/members', 'members.manage'),
  '/orgs/:orgId/admin/tokens': org('/admin/tokens', 'tokens.manage'),
  '/orgs/:orgId/admin/signals': org('/admin/signals', 'signals.configure'),
  '/orgs/:orgId/admin/research': org('/admin/research', 'coaching.settings'),
};

/** Routes not visited on their own, and why. */
const skipped: Record<string, string> = {
  '/': 'redirects to the home of an organization, which is visited as /orgs/:orgId',
};

/**
 * A page is in order when it fits a phone, loaded, has no serious or critical axe violation and every
 * sentence it shows begins with a capital and ends with a stop. Which text is a sentence is the rule of
 * `readsAsSentence` (support/sentences.ts): a paragraph of prose is judged whether its first letter is
 * a capital or not; identifiers, figures, code and the command's name are not sentences.
 */
async function problemsOf(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  try {
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
  } catch {
    return [`${url} shows no main heading`];
  }
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 20_000 }).toBe(0);
  const problems: string[] = [];
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > phone.width) {
    // Name the innermost elements that stick out, to say where the page is too wide.
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .filter(
          (element) =>
            ![...element.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 1),
        )
        .slice(0, 3)
        .map(
          (element) =>
            `<${element.tagName.toLowerCase()} class="${element.className}">${(element.textContent ?? '').slice(0, 40)}`,
        ),
    );
    problems.push(`${url} is ${width} px wide at ${phone.width} px: ${culprits.join('; ')}`);
  }
  if (await page.getByText('Could not load this page').isVisible()) problems.push(`${url} could not load`);
  for (const violation of await seriousAccessibilityViolations(page)) problems.push(`${url}: ${violation}`);
  for (const sentence of await unfinishedSentences(page)) problems.push(`${url}: unfinished sentence "${sentence}"`);
  return problems;
}

async function problemsOfEvery(page: Page, urls: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const url of urls) problems.push(...(await problemsOf(page, url)));
  return problems;
}

let seeded: Seeded | undefined;
const seededRecords = (): Seeded => {
  if (!seeded) throw new Error('the demo records were not read');
  return seeded;
};

const firstId = async (client: Client, url: string): Promise<string> => {
  const reply = await client.get<{ items: { id: string }[] }>(url);
  const id = reply.body.items?.[0]?.id;
  if (!id) throw new Error(`${url} answered ${reply.status} with no items`);
  return id;
};

beforeAll(async () => {
  const admin = new Client(suite.server().baseUrl);
  const adminEmail = demoAccounts.find((account) => account.role === 'admin')!.email;
  expect((await admin.login(adminEmail, demoPassword)).status).toBe(200);
  const orgId = (await admin.get('/api/session')).body.organizations[0].id as string;
  const engagements = (await admin.get(`/api/orgs/${orgId}/engagements`)).body.items as {
    id: string;
    endDate: string | null;
  }[];
  const engagementId = (engagements.find((e) => e.endDate === null) ?? engagements[0])!.id;
  const stages = (await admin.get(`/api/orgs/${orgId}/engagements/${engagementId}`)).body.stages as {
    stageId: string;
  }[];
  const stageId = stages.at(-1)!.stageId;
  const partner = new Client(suite.server().baseUrl);
  const partnerEmail = demoAccounts.find((account) => account.role === 'partner')!.email;
  expect((await partner.login(partnerEmail, demoPassword)).status).toBe(200);
  const ours = (await partner.get(`/api/orgs/${orgId}/partner-view/engagements`)).body.items as { id: string }[];
  const partnerEngagementId = ours[0]!.id;
  const members = (await admin.get(`/api/orgs/${orgId}/members`)).body.items as { userId: string; email: string }[];
  // The demo practitioner login's own coaching record: a practitioner sees only their own.
  const practitionerEmail = demoAccounts.find((account) => account.role === 'practitioner')!.email;
  const practitionerId = members.find((member) => member.email === practitionerEmail)!.userId;

  let surveyPath: string | undefined;
  for (const engagement of engagements) {
    const waves = (await admin.get(`/api/orgs/${orgId}/engagements/${engagement.id}/waves`)).body.items as {
      id: string;
    }[];
    if (waves[0]) {
      const link = await admin.post(`/api/orgs/${orgId}/waves/${waves[0].id}/invitations`, {});
      expect(link.status).toBe(201);
      surveyPath = link.body.path as string;
      break;
    }
  }
  if (!surveyPath) throw new Error('the demo has no measurement wave');

  const invitation = await admin.post(`/api/orgs/${orgId}/invitations`, {
    email: 'every.page@example.org',
    role: 'practitioner',
  });
  expect(invitation.status).toBe(201);
  // The demo registers no hypothesis; one with a mixed model, locked and run, shows a result page.
  const hypothesis = await admin.post(`/api/orgs/${orgId}/hypotheses`, {
    title: 'Coaching and self-efficacy at two years',
    statement: 'Coaching minutes in months 1–12 predict self-efficacy at month 24.',
    model: { id: 'eis-toc', version: '1.0.0' },
    linkId: 'coaching-via-self-efficacy-to-implementation-self-efficacy',
    predictor: { components: ['coaching'], months: { from: 1, to: 12 } },
    outcome: { outcomeId: 'implementation-self-efficacy', level: 'individual', measure: 'score', atMonth: 24 },
    direction: 'positive',
    test: 'lmm-reml',
  });
  expect(hypothesis.status).toBe(201);
  const hypothesisId = hypothesis.body.id as string;
  expect((await admin.post(`/api/orgs/${orgId}/hypotheses/${hypothesisId}/lock`, { version: 1 })).status).toBe(200);
  expect((await admin.post(`/api/orgs/${orgId}/hypotheses/${hypothesisId}/runs`, {})).status).toBe(201);

  const empty = await admin.post('/api/orgs', { name: 'Newly founded network' });
  expect(empty.status).toBe(201);

  seeded = {
    orgId,
    emptyOrgId: empty.body.id as string,
    engagementId,
    stageId,
    partnerEngagementId,
    interactionId: await firstId(admin, `/api/orgs/${orgId}/interactions`),
    partnerId: await firstId(admin, `/api/orgs/${orgId}/partners`),
    hypothesisId,
    instrumentId: await firstId(admin, `/api/orgs/${orgId}/instruments`),
    modelId: await firstId(admin, `/api/orgs/${orgId}/models`),
    practitionerId,
    surveyPath,
    invitationPath: invitation.body.path as string,
  };
});

describe('every page on a 375 px phone', () => {
  test('every route of the router is visited or skipped with a reason', () => {
    const patterns = appRoutePatterns();
    expect(patterns.length).toBeGreaterThan(30);
    expect(patterns.filter((pattern) => !(pattern in visits) && !(pattern in skipped))).toEqual([]);
    // A route taken out of the app must leave the lists too.
    expect([...Object.keys(visits), ...Object.keys(skipped)].filter((p) => !patterns.includes(p))).toEqual([]);
  });

  test('the pages open to anyone fit and pass axe', { timeout: 120_000 }, async () => {
    const page = await suite.openPage(phone);
    const urls = Object.values(visits)
      .filter((visit) => visit.who === 'signed out')
      .map((visit) => visit.url(seededRecords(), seededRecords().orgId));
    expect(await problemsOfEvery(page, urls)).toEqual([]);
  });

  test.each(demoAccounts.map((account) => [account.role, account.email] as const))(
    'as %s, every page the role can reach fits and passes axe',
    { timeout: 600_000 },
    async (role, email) => {
      const page = await suite.openPage(phone);
      await signIn(page, email);
      const urls = Object.values(visits)
        .filter((visit) => visit.who === 'member' && (!visit.action || can(role, visit.action)))
        .map((visit) => visit.url(seededRecords(), seededRecords().orgId));
      expect(urls.length).toBeGreaterThan(4);
      expect(await problemsOfEvery(page, urls)).toEqual([]);
    },
  );

  test(
    'a new organization with no records shows empty states that fit and pass axe',
    { timeout: 600_000 },
    async () => {
      const page = await suite.openPage(phone);
      await signIn(page, demoAccounts.find((account) => account.role === 'admin')!.email);
      const { emptyOrgId } = seededRecords();
      const urls = Object.values(visits)
        .filter((visit) => visit.organizationWide)
        .map((visit) => visit.url(seededRecords(), emptyOrgId));
      expect(urls.length).toBeGreaterThan(10);
      expect(await problemsOfEvery(page, urls)).toEqual([]);
    },
  );
});
