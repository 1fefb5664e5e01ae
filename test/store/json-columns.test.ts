import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerInput } from '../../src/domain/support/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';
import { tailoringRegistration } from '../support/hypothesis-data.ts';
import { registerHypothesis } from '../../src/app/hypotheses/register-hypothesis.ts';
import { HypothesisRegistration } from '../../src/domain/hypotheses/registration.ts';

describe.each(engines)('JSON columns on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('are read through the domain schema, and a corrupt cell is refused naming table, column and id', async () => {
    const { organization } = await buildOrganization(t.store);
    const partners = t.store.tenant(organization.id).partners;
    const input = PartnerInput.parse({ name: 'North district', kind: 'system', tags: ['rural', 'pilot'] });
    const partner = await partners.insert(input, null);
    expect((await partners.require(partner.id)).tags).toEqual(['rural', 'pilot']);

    const db = t.store.database.db;
    const corrupt = async (tags: string) =>
      sql`update partners set tags = ${tags} where id = ${partner.id}`.execute(db);
    await corrupt('["rural", ');
    await expect(partners.require(partner.id)).rejects.toThrow(`corrupt JSON in partners.tags of ${partner.id}: `);
    await corrupt('["rural", 7]');
    await expect(partners.require(partner.id)).rejects.toThrow(`corrupt JSON in partners.tags of ${partner.id} at 1: `);
    await corrupt('["rural"]');
    expect((await partners.require(partner.id)).tags).toEqual(['rural']);
  });

  it('refuse a corrupt cell of a wave and of a stage plan, naming table, column and id', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const tenant = t.store.tenant(organization.id);
    const { engagement } = await buildEngagement(t.store, organization.id, admin.userId);
    const db = t.store.database.db;

    const wave = await tenant.waves.insert(
      {
        engagementId: engagement.id,
        name: 'Baseline',
        kind: 'baseline',
        scheduledOn: '2020-03-01',
        instruments: [{ instrumentId: 'team-climate', version: '1.0.0' }],
        levels: ['individual'],
      },
      admin.userId,
    );
    expect((await tenant.waves.require(wave.id)).levels).toEqual(['individual']);
    await sql`update measurement_waves set levels = ${'["individual", "nation"]'} where id = ${wave.id}`.execute(db);
    await expect(tenant.waves.require(wave.id)).rejects.toThrow(
      `corrupt JSON in measurement_waves.levels of ${wave.id} at 1: `,
    );
    await sql`update measurement_waves set instruments = ${'[{"instrumentId": '} where id = ${wave.id}`.execute(db);
    await expect(tenant.waves.require(wave.id)).rejects.toThrow(
      `corrupt JSON in measurement_waves.instruments of ${wave.id}: `,
    );

    const plan = await tenant.stagePlans.insert(
      {
        engagementId: engagement.id,
        stageId: 'readiness-exploration',
        modelId: engagement.modelId,
        modelVersion: engagement.modelVersion,
        goals: [],
        emphasis: [],
        activities: [],
      },
      admin.userId,
    );
    expect((await tenant.stagePlans.require(plan.id)).goals).toEqual([]);
    await sql`update stage_plans set goals = ${'{"text": "not a list"}'} where id = ${plan.id}`.execute(db);
    await expect(tenant.stagePlans.require(plan.id)).rejects.toThrow(
      `corrupt JSON in stage_plans.goals of ${plan.id}: `,
    );
  });

  it('refuse a corrupt hypothesis registration, naming table, column and id', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const registration = HypothesisRegistration.parse(tailoringRegistration);
    const hypothesis = await registerHypothesis(t.store, organization.id, registration, admin.userId);
    const hypotheses = t.store.tenant(organization.id).hypotheses;
    expect((await hypotheses.require(hypothesis.id)).registration.test).toBe('spearman');
    const stored = JSON.parse(JSON.stringify((await hypotheses.require(hypothesis.id)).registration)) as Record<
      string,
      unknown
    >;
    const corrupt = JSON.stringify({ ...stored, alpha: 'five percent' });
    await sql`update hypotheses set registration = ${corrupt} where id = ${hypothesis.id}`.execute(t.store.database.db);
    await expect(hypotheses.require(hypothesis.id)).rejects.toThrow(
      `corrupt JSON in hypotheses.registration of ${hypothesis.id} at alpha: `,
    );
  });
});
