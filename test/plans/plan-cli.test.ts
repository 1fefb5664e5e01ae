import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStagePlan } from '../../src/app/plans/create-stage-plan.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';

describe('praxis plan show and export', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let orgId: string;
  let engagementId: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    orgId = (await buildOrganization(t.store)).organization.id;
    const lead = await buildMember(t.store, orgId, 'lead');
    engagementId = (await buildEngagement(t.store, orgId, lead.userId)).engagement.id;
    await createStagePlan(
      t.store,
      orgId,
      {
        engagementId,
        stageId: 'readiness-exploration',
        goals: [{ text: 'Agree how we work', indicator: 'Signed agreement', targetDate: '2020-03-31' }],
        emphasis: [{ componentId: 'relating', minutesPerMonth: 240 }],
        activities: [],
      },
      lead.userId,
    );
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('shows the plan and the signals, and exports them as JSON', async () => {
    const shown = await runPraxis(['plan', 'show', engagementId, '--org', orgId], t.env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Stage readiness-exploration (plan v1)');
    expect(shown.stdout).toContain('goal: Agree how we work — Signed agreement — by 2020-03-31');
    expect(shown.stdout).toContain('emphasis: relating 240 min/month');
    expect(shown.stdout).toContain('signal: No contact for');
    const exported = await runPraxis(['plan', 'export', engagementId, '--org', orgId], t.env);
    expect(exported.code).toBe(0);
    const body = JSON.parse(exported.stdout);
    expect(body.plans).toHaveLength(1);
    expect(body.planVersusActual.engagementId).toBe(engagementId);
    expect(body.signals.map((s: { key: string }) => s.key)).toContain('noContact');
    const missing = await runPraxis(['plan', 'show', 'nobody', '--org', orgId], t.env);
    expect(missing.code).toBe(1);
  });
});
