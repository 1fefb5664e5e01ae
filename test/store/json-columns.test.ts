import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerInput } from '../../src/domain/support/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';
import { tailoringRegistration } from '../support/hypothesis-data.ts';
import { registerHypothesis } from '../../src/app/hypotheses/register-hypothesis.ts';
import { HypothesisRegistration } from '../../src/domain/hypotheses/registration.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { builtinInstruments } from '../../src/domain/measurement/builtin/index.ts';
import { defaultSignalSettings } from '../../src/domain/signals/schemas.ts';
import { eisToc } from '../../src/model/builtin/index.ts';
import { engagementInteractions } from '../../src/store/derived/engagement-source.ts';
import { typicalInteraction } from '../support/records.ts';

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

  it('refuse a corrupt interaction, in the record and in what derived tables read', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const tenant = t.store.tenant(organization.id);
    const { engagement } = await buildEngagement(t.store, organization.id, admin.userId);
    const interaction = await logInteraction(t.store, organization.id, typicalInteraction(engagement.id), admin.userId);
    expect((await tenant.interactions.require(interaction.id)).components).toHaveLength(3);
    const db = t.store.database.db;
    const derived = () =>
      engagementInteractions(db, organization.id, { id: engagement.id, startDate: engagement.startDate, live: true });
    expect((await derived()).interactions[0]!.components).toHaveLength(3);

    const components = '[{"componentId": "relating", "minutes": "twenty", "activityIds": []}]';
    await sql`update interactions set components = ${components} where id = ${interaction.id}`.execute(db);
    const message = `corrupt JSON in interactions.components of ${interaction.id} at 0.minutes: `;
    await expect(tenant.interactions.require(interaction.id)).rejects.toThrow(message);
    await expect(derived()).rejects.toThrow(message);
    await expect(tenant.interactions.livePagesForTables(10).next()).rejects.toThrow(message);

    await sql`update interactions set next_steps = ${'[{"text": '} where id = ${interaction.id}`.execute(db);
    await sql`update interactions set components = ${'[]'} where id = ${interaction.id}`.execute(db);
    await expect(tenant.interactions.require(interaction.id)).rejects.toThrow(
      `corrupt JSON in interactions.next_steps of ${interaction.id}: `,
    );
    await sql`update interactions set next_steps = ${'[]'}, participants = ${'{"contactIds": 3}'} where id = ${interaction.id}`.execute(
      db,
    );
    await expect(tenant.interactions.require(interaction.id)).rejects.toThrow(
      `corrupt JSON in interactions.participants of ${interaction.id} at contactIds: `,
    );
  });

  it('refuse a corrupt history entry, coaching record, signal setting, model and instrument', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const tenant = t.store.tenant(organization.id);
    const db = t.store.database.db;
    const { partner } = await buildEngagement(t.store, organization.id, admin.userId);

    const [entry] = await tenant.history('partner', partner.id);
    expect(entry!.snapshot).toMatchObject({ id: partner.id });
    await sql`update history set snapshot = ${'["not", "a", "record"]'} where id = ${entry!.id}`.execute(db);
    await expect(tenant.history('partner', partner.id)).rejects.toThrow(
      `corrupt JSON in history.snapshot of ${entry!.id}: `,
    );
    await sql`update history set snapshot = null, changes = ${'{"name": '} where id = ${entry!.id}`.execute(db);
    await expect(tenant.history('partner', partner.id)).rejects.toThrow(
      `corrupt JSON in history.changes of ${entry!.id}: `,
    );

    const session = await tenant.coaching.sessions.insert(
      {
        practitionerId: admin.userId,
        coachId: admin.userId,
        date: '2020-03-02',
        componentIds: ['relating'],
        agreed: '',
        followUp: '',
      },
      admin.userId,
    );
    expect((await tenant.coaching.sessions.require(session.id)).componentIds).toEqual(['relating']);
    await sql`update coaching_sessions set component_ids = ${'[42]'} where id = ${session.id}`.execute(db);
    await expect(tenant.coaching.sessions.require(session.id)).rejects.toThrow(
      `corrupt JSON in coaching_sessions.component_ids of ${session.id} at 0: `,
    );

    await tenant.signals.saveSettings(defaultSignalSettings, 0, admin.userId);
    expect((await tenant.signals.settings()).version).toBe(1);
    const settings = JSON.stringify({ ...defaultSignalSettings, noContact: { enabled: 'yes', weeks: 4 } });
    await sql`update signal_settings set settings = ${settings} where organization_id = ${organization.id}`.execute(db);
    await expect(tenant.signals.settings()).rejects.toThrow(
      `corrupt JSON in signal_settings.settings of ${organization.id} at noContact.enabled: `,
    );

    const model = `${eisToc.id}@${eisToc.version}`;
    expect((await tenant.models.versionsOf(eisToc.id)).map((m) => m.version)).toContain(eisToc.version);
    const document = JSON.stringify({ ...eisToc, components: 'ten' });
    await sql`update practice_models set document = ${document} where organization_id = ${organization.id} and model_id = ${eisToc.id}`.execute(
      db,
    );
    await expect(tenant.models.versionsOf(eisToc.id)).rejects.toThrow(
      `corrupt JSON in practice_models.document of ${model} at components: `,
    );

    const instrument = builtinInstruments[0]!;
    await tenant.instruments.insert(instrument, admin.userId);
    expect((await tenant.instruments.versionsOf(instrument.id))[0]!.id).toBe(instrument.id);
    await sql`update instruments set document = ${'{"id": '} where organization_id = ${organization.id} and instrument_id = ${instrument.id}`.execute(
      db,
    );
    await expect(tenant.instruments.versionsOf(instrument.id)).rejects.toThrow(
      `corrupt JSON in instruments.document of ${instrument.id}@${instrument.version}: `,
    );
  });

  it('refuse a corrupt cell of every coaching table, naming table, column and id', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const { coaching } = t.store.tenant(organization.id);
    const db = t.store.database.db;
    const { engagement } = await buildEngagement(t.store, organization.id, admin.userId);
    const interaction = await logInteraction(t.store, organization.id, typicalInteraction(engagement.id), admin.userId);
    const rating = { componentId: 'relating', quality: 3, activities: [], comment: '' };
    const model = { modelId: engagement.modelId, modelVersion: engagement.modelVersion };
    const person = admin.userId;

    const review = await coaching.reviews.insert(
      {
        interactionId: interaction.id,
        ratings: [rating],
        feedback: '',
        engagementId: engagement.id,
        practitionerId: person,
        reviewerId: person,
        ...model,
        interactionDate: interaction.date,
        acknowledgedAt: null,
        reply: '',
      },
      person,
    );
    const observation = await coaching.observations.insert(
      {
        engagementId: engagement.id,
        practitionerId: person,
        interactionId: null,
        date: '2020-03-02',
        ratings: [rating],
        principles: [{ principleId: 'relationship-centered', observed: 'evident', note: '' }],
        notes: '',
        observerId: person,
        ...model,
      },
      person,
    );
    const goal = await coaching.goals.insert(
      {
        practitionerId: person,
        title: 'Co-design more',
        componentIds: ['co-designing'],
        targetDate: null,
        status: 'open',
        createdBy: person,
      },
      person,
    );
    const assessment = await coaching.selfAssessments.insert(
      { practitionerId: person, date: '2020-03-02', ...model, ratings: { relating: 4 } },
      person,
    );

    const cases = [
      {
        table: 'coaching_reviews',
        column: 'ratings',
        id: review.id,
        cell: '[{"componentId": "relating", "quality": "good"}]',
        at: ' at 0.quality',
        read: () => coaching.reviews.require(review.id),
      },
      {
        table: 'coaching_observations',
        column: 'ratings',
        id: observation.id,
        cell: '{}',
        at: '',
        read: () => coaching.observations.require(observation.id),
      },
      {
        table: 'coaching_observations',
        column: 'principles',
        id: observation.id,
        cell: '[{"principleId": "relationship-centered", "observed": "always"}]',
        at: ' at 0.observed',
        read: () => coaching.observations.require(observation.id),
      },
      {
        table: 'development_goals',
        column: 'component_ids',
        id: goal.id,
        cell: '["co-designing", ',
        at: '',
        read: () => coaching.goals.require(goal.id),
      },
      {
        table: 'self_assessments',
        column: 'ratings',
        id: assessment.id,
        cell: '{"relating": "four"}',
        at: ' at relating',
        read: () => coaching.selfAssessments.require(assessment.id),
      },
    ];
    for (const c of cases) {
      await expect(c.read()).resolves.toMatchObject({ id: c.id });
      const before = await sql<{
        cell: string;
      }>`select ${sql.ref(c.column)} as cell from ${sql.table(c.table)} where id = ${c.id}`.execute(db);
      await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${c.cell} where id = ${c.id}`.execute(db);
      await expect(c.read()).rejects.toThrow(`corrupt JSON in ${c.table}.${c.column} of ${c.id}${c.at}: `);
      await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${before.rows[0]!.cell} where id = ${c.id}`.execute(
        db,
      );
    }
  });
});
