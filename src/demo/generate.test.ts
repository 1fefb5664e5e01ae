import { describe, expect, it } from 'vitest';
import { checkInteraction, checkStages, stageOn } from '../domain/support/interaction-rules.ts';
import { relationshipMonth } from '../domain/support/months.ts';
import { ContactInput, EngagementInput, InteractionInput, PartnerInput } from '../domain/support/schemas.ts';
import { eisToc, ispProfile } from '../model/builtin/index.ts';
import type { PracticeModel } from '../model/schema.ts';
import { demoAccounts } from '../domain/accounts/demo-accounts.ts';
import { earlyComponentIds } from './component-mix.ts';
import { contactInput, engagementInput, interactionInput, partnerInput } from './dataset-inputs.ts';
import { shiftMonth } from '../domain/support/months.ts';
import { DEMO_MONTHS, demoWindow, remoteFrom, STUDY_MONTH } from './demo-window.ts';
import { DEMO_SEED, describeDemo, generateDemo, type DemoDataset } from './generate.ts';

/** Seeds the pattern tests run on: the patterns must hold for the demo's seed and for others alike. */
const SEEDS = [DEMO_SEED, 1, 2, 3, 7];

/** The demo is made for the current month; every expectation about dates derives from its window. */
const currentMonth = new Date().toISOString().slice(0, 7);
const window = demoWindow(currentMonth);
const startMonth = window.start.slice(0, 7);

const byModel = new Map<string, Map<number, DemoDataset>>();
function demo(seed: number, model: PracticeModel = eisToc): DemoDataset {
  const cached = byModel.get(model.id)?.get(seed);
  if (cached) return cached;
  const dataset = generateDemo({ seed, model, currentMonth });
  byModel.set(model.id, (byModel.get(model.id) ?? new Map()).set(seed, dataset));
  return dataset;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** Shannon entropy (natural log) of a mix of minutes. */
function entropy(minutes: Iterable<number>): number {
  const values = [...minutes].filter((m) => m > 0);
  const total = values.reduce((a, b) => a + b, 0);
  return -values.reduce((sum, m) => sum + (m / total) * Math.log(m / total), 0);
}

/** Month of relationship of every interaction, by its position in the dataset. */
function relationshipMonths(dataset: DemoDataset): number[] {
  const starts = new Map(dataset.engagements.map((e) => [e.key, e.startDate]));
  return dataset.interactions.map((i) => relationshipMonth(starts.get(i.engagementKey)!, i.date));
}

/** Share of component minutes in months 1–6 of the relationship spent in the model's ground-laying components. */
function earlyShareOfMinutes(dataset: DemoDataset, model: PracticeModel): number {
  const early = earlyComponentIds(model);
  const months = relationshipMonths(dataset);
  let inEarly = 0;
  let all = 0;
  dataset.interactions.forEach((interaction, i) => {
    if (months[i]! > 6) return;
    for (const use of interaction.components) {
      all += use.minutes;
      if (early.has(use.componentId)) inEarly += use.minutes;
    }
  });
  return inEarly / all;
}

interface EngagementMonthMix {
  relationshipMonth: number;
  calendarMonth: string;
  durationMinutes: number;
  componentMinutes: Map<string, number>;
}

/** Every engagement-month with contact (calendar month), with its dose and component mix. */
function engagementMonths(dataset: DemoDataset): EngagementMonthMix[] {
  const months = relationshipMonths(dataset);
  const byMonth = new Map<string, EngagementMonthMix>();
  dataset.interactions.forEach((interaction, i) => {
    const key = `${interaction.engagementKey}|${interaction.date.slice(0, 7)}`;
    const month = byMonth.get(key) ?? {
      relationshipMonth: months[i]!,
      calendarMonth: interaction.date.slice(0, 7),
      durationMinutes: 0,
      componentMinutes: new Map(),
    };
    month.durationMinutes += interaction.durationMinutes;
    for (const use of interaction.components)
      month.componentMinutes.set(use.componentId, (month.componentMinutes.get(use.componentId) ?? 0) + use.minutes);
    byMonth.set(key, month);
  });
  return [...byMonth.values()];
}

/**
 * Mean monthly dose (minutes per engagement-month with contact) by year of the demo: twelve-month
 * blocks from the span's third month, which are the calendar years 2017–2021 of the study's span.
 */
function doseByYear(dataset: DemoDataset): Map<number, number> {
  const byYear = new Map<number, number[]>();
  const firstYearStart = shiftMonth(startMonth, 2);
  const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  for (const month of engagementMonths(dataset)) {
    const year = Math.floor((monthIndex(month.calendarMonth) - monthIndex(firstYearStart)) / 12);
    if (year >= 0) byYear.set(year, [...(byYear.get(year) ?? []), month.durationMinutes]);
  }
  return new Map([...byYear].map(([year, doses]) => [year, mean(doses)]));
}

/** Entropy of the mix pooled over all engagements, per month of relationship, for months with at least `minInteractions`. */
function pooledEntropyByRelationshipMonth(dataset: DemoDataset, minInteractions: number): Map<number, number> {
  const months = relationshipMonths(dataset);
  const mixes = new Map<number, { interactions: number; minutes: Map<string, number> }>();
  dataset.interactions.forEach((interaction, i) => {
    const mix = mixes.get(months[i]!) ?? { interactions: 0, minutes: new Map() };
    mix.interactions += 1;
    for (const use of interaction.components)
      mix.minutes.set(use.componentId, (mix.minutes.get(use.componentId) ?? 0) + use.minutes);
    mixes.set(months[i]!, mix);
  });
  return new Map(
    [...mixes]
      .filter(([, mix]) => mix.interactions >= minInteractions)
      .map(([month, mix]) => [month, entropy(mix.minutes.values())]),
  );
}

/**
 * Every problem found in a dataset against the support record's schemas and rules, as readable
 * lines; collected rather than asserted one by one so that a failure lists them all.
 */
function problemsOf(dataset: DemoDataset, model: PracticeModel): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const ids = new Map<string, string>();
  const idOf = (key: string): string => {
    if (!ids.has(key)) ids.set(key, `placeholder-${ids.size + 1}`);
    return ids.get(key)!;
  };
  for (const list of [dataset.practitioners, dataset.partners, dataset.contacts, dataset.engagements]) {
    check(new Set(list.map((r) => r.key)).size === list.length, `duplicate keys among ${list[0]?.key}…`);
  }

  const partners = new Map<string, DemoDataset['partners'][number]>();
  for (const partner of dataset.partners) {
    check(partner.parentKey === null || partners.has(partner.parentKey), `${partner.key} comes before its parent`);
    partners.set(partner.key, partner);
    PartnerInput.parse(partnerInput(partner, partner.parentKey === null ? null : idOf(partner.parentKey)));
  }
  const contacts = new Map(dataset.contacts.map((c) => [c.key, c]));
  for (const contact of dataset.contacts) {
    check(partners.has(contact.partnerKey), `${contact.key}: unknown partner`);
    ContactInput.parse(contactInput(contact, idOf(contact.partnerKey)));
  }
  const practitionerKeys = new Set(dataset.practitioners.map((p) => p.key));
  const engagements = new Map(dataset.engagements.map((e) => [e.key, e]));
  for (const engagement of dataset.engagements) {
    check(partners.has(engagement.partnerKey), `${engagement.key}: unknown partner`);
    check(
      engagement.supportTeamKeys.length > 0 && engagement.supportTeamKeys.every((k) => practitionerKeys.has(k)),
      `${engagement.key}: support team`,
    );
    const input = EngagementInput.parse(
      engagementInput(engagement, idOf(engagement.partnerKey), engagement.supportTeamKeys.map(idOf)),
    );
    for (const problem of checkStages(input.stages, model, input.startDate))
      problems.push(`${engagement.key} ${problem.path}: ${problem.message}`);
    const inModelOrder = model.stages.slice(0, engagement.stages.length).map((s) => s.id);
    check(
      engagement.stages.every((s, i) => s.stageId === inModelOrder[i]),
      `${engagement.key}: stages out of model order`,
    );
    check(
      engagement.stages[0] === undefined || engagement.stages[0].startedOn === engagement.startDate,
      `${engagement.key}: first stage not at the start`,
    );
    check(
      !engagement.endDate || engagement.endDate >= (engagement.stages.at(-1)?.startedOn ?? engagement.startDate),
      `${engagement.key}: ends before its last stage`,
    );
  }

  for (const [n, interaction] of dataset.interactions.entries()) {
    const at = `interaction ${n} (${interaction.engagementKey} ${interaction.date})`;
    const engagement = engagements.get(interaction.engagementKey);
    if (!engagement) {
      problems.push(`${at}: unknown engagement`);
      continue;
    }
    check(
      engagement.supportTeamKeys.includes(interaction.loggedByKey),
      `${at}: logged by someone outside the support team`,
    );
    const region = partners.get(engagement.partnerKey)!;
    for (const key of interaction.participantContactKeys) {
      // Participants belong to the engaged region, one of its teams, or its state system.
      const partner = partners.get(contacts.get(key)?.partnerKey ?? '');
      check(
        partner !== undefined &&
          (partner.key === region.key || partner.parentKey === region.key || partner.key === region.parentKey),
        `${at}: participant ${key} from elsewhere`,
      );
    }
    const input = InteractionInput.parse(
      interactionInput(interaction, idOf(interaction.engagementKey), interaction.participantContactKeys.map(idOf)),
    );
    for (const problem of checkInteraction(input, {
      model,
      engagementStart: engagement.startDate,
      engagementEnd: engagement.endDate,
    }))
      problems.push(`${at} ${problem.path}: ${problem.message}`);
    check(
      input.stageId === stageOn(engagement.stages, input.date),
      `${at}: stage is not the engagement's stage on the day`,
    );
    if (model.components.length > 0)
      check(
        input.components.length >= 1 && input.components.length <= 4,
        `${at}: ${input.components.length} components`,
      );
    for (const use of input.components) {
      const available = model.components.find((c) => c.id === use.componentId)?.activities.length ?? 0;
      check(
        use.activityIds.length >= Math.min(1, available) && use.activityIds.length <= 3,
        `${at}: ${use.activityIds.length} activities of ${use.componentId}`,
      );
    }
    check(input.principles.length <= 3, `${at}: ${input.principles.length} principles`);
    check(
      input.participants.contactIds.length + Object.keys(input.participants.counts).length > 0,
      `${at}: nobody took part`,
    );
    check(input.notes.startsWith('Synthetic demo note: '), `${at}: note not labelled synthetic`);
    check(
      input.nextSteps.every((step) => step.dueDate !== null && step.dueDate > input.date && step.owner !== ''),
      `${at}: next step without owner or later due date`,
    );
  }
  return problems;
}

describe('generateDemo', () => {
  it('gives the same dataset for the same seed and a different one for another seed', () => {
    expect(generateDemo({ seed: 1, model: eisToc, currentMonth })).toEqual(
      generateDemo({ seed: 1, model: eisToc, currentMonth }),
    );
    expect(generateDemo({ seed: 2, model: eisToc, currentMonth })).not.toEqual(demo(1));
    expect(generateDemo({ seed: 2, model: eisToc, currentMonth }).interactions).not.toEqual(demo(1).interactions);
  });

  it('spans the study’s 62 months, Nov 2016 – Dec 2021 when made in January 2022, ending the month before the current', () => {
    expect(demoWindow(STUDY_MONTH)).toEqual({ start: '2016-11-01', end: '2021-12-31' });
    expect(remoteFrom('2016-11-01')).toBe('2020-03-16');
    expect(demoWindow('2026-12')).toEqual({ start: '2021-10-01', end: '2026-11-30' });
    expect(demoWindow('2024-03')).toEqual({ start: '2019-01-01', end: '2024-02-29' });
    expect(shiftMonth(startMonth, DEMO_MONTHS)).toBe(currentMonth);
    expect(() => demoWindow('2026-13')).toThrow(RangeError);
    const study = describeDemo(generateDemo({ seed: DEMO_SEED, model: eisToc, currentMonth: STUDY_MONTH }));
    expect(study).toMatchObject({ from: expect.stringMatching(/^2016-11/), to: expect.stringMatching(/^2021-12/) });
  });

  it('holds the tracking study’s frame: ~750 interactions, 13 regional engagements in 2 states, over the window', () => {
    for (const seed of SEEDS) {
      const dataset = demo(seed);
      const summary = describeDemo(dataset);
      expect(summary.interactions).toBeGreaterThanOrEqual(713);
      expect(summary.interactions).toBeLessThanOrEqual(788);
      expect(summary).toMatchObject({ engagements: 13, regions: 13, states: 2, years: 5 });
      expect(summary.from!.slice(0, 7)).toBe(startMonth);
      expect(summary.to!.slice(0, 7)).toBe(window.end.slice(0, 7));
    }
    expect(describeDemo(demo(1)).interactions).toBe(749);
  });

  it('builds a labelled network: 2 state systems, 7 + 6 regional organizations, teams in some regions, fictional contacts', () => {
    const dataset = demo(1);
    const systems = dataset.partners.filter((p) => p.kind === 'system');
    const regions = dataset.partners.filter((p) => p.kind === 'organization');
    const teams = dataset.partners.filter((p) => p.kind === 'team');
    expect(systems).toHaveLength(2);
    expect(systems.every((s) => s.parentKey === null)).toBe(true);
    expect(systems.map((s) => regions.filter((r) => r.parentKey === s.key).length)).toEqual([7, 6]);
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((t) => regions.some((r) => r.key === t.parentKey))).toBe(true);
    expect(new Set(teams.map((t) => t.parentKey)).size).toBe(5);
    for (const partner of dataset.partners) {
      expect(partner.name).toMatch(/\(synthetic\)$/);
      expect(partner.tags).toContain('synthetic-demo');
      expect(partner.type).not.toBe('');
      expect(partner.stateOrCountry).toMatch(/\(fictional state\)$/);
    }
    expect(regions.every((r) => r.region !== '')).toBe(true);
    expect(new Set(dataset.contacts.map((c) => c.level))).toEqual(
      new Set(['individual', 'team', 'organization', 'system']),
    );
    expect(dataset.contacts.every((c) => c.email.endsWith('@example.org'))).toBe(true);
    for (const partner of dataset.partners)
      expect(dataset.contacts.filter((c) => c.partnerKey === partner.key).length).toBeGreaterThanOrEqual(2);
  });

  it('has several practitioners, the practitioner demo login among them, each supporting some engagements', () => {
    const dataset = demo(1);
    const login = demoAccounts.find((a) => a.role === 'practitioner')!;
    expect(dataset.practitioners.length).toBe(6);
    expect(dataset.practitioners).toContainEqual(expect.objectContaining({ email: login.email, name: login.name }));
    expect(dataset.practitioners.every((p) => p.email.endsWith('@demo.praxis.test'))).toBe(true);
    for (const practitioner of dataset.practitioners) {
      expect(dataset.engagements.some((e) => e.supportTeamKeys.includes(practitioner.key))).toBe(true);
      expect(dataset.interactions.some((i) => i.loggedByKey === practitioner.key)).toBe(true);
    }
  });

  it('staggers engagement starts over the first two years, moves them through the stages and ends a few', () => {
    for (const seed of SEEDS) {
      const { engagements } = demo(seed);
      const starts = engagements.map((e) => e.startDate).sort();
      expect(starts[0]!.slice(0, 7)).toBe(startMonth);
      // In the study's span: the last start falls in 2018, the span's months 15 to 26.
      const lastStart = starts.at(-1)!.slice(0, 7);
      expect(lastStart >= shiftMonth(startMonth, 14) && lastStart <= shiftMonth(startMonth, 25)).toBe(true);
      expect(new Set(starts).size).toBe(engagements.length);
      const ended = engagements.filter((e) => e.endDate !== null);
      expect(ended.length).toBeGreaterThanOrEqual(1);
      expect(ended.length).toBeLessThan(engagements.length);
      expect(ended.every((e) => e.endDate! <= window.end)).toBe(true);
      // Every engagement gets past readiness; the earliest reach local regulation by the end, the latest not yet.
      expect(engagements.every((e) => e.stages.length >= 2)).toBe(true);
      expect(engagements.some((e) => e.stages.at(-1)!.stageId === 'local-regulation')).toBe(true);
      expect(engagements.some((e) => e.stages.at(-1)!.stageId !== 'local-regulation')).toBe(true);
      expect(
        engagements.every((e) => e.goals.length >= 2 && e.modelId === eisToc.id && e.modelVersion === eisToc.version),
      ).toBe(true);
    }
  });

  it('makes every record valid against the schemas, the model and its engagement', () => {
    for (const seed of SEEDS) expect(problemsOf(demo(seed), eisToc)).toEqual([]);
  });

  it('is checked by a validity check that does find planted faults', () => {
    const planted = structuredClone(demo(1));
    const [first, second, third] = planted.interactions;
    first!.components[0]!.minutes = first!.durationMinutes + 1;
    second!.components[0]!.activityIds = ['no-such-activity'];
    third!.stageId =
      planted.engagements.find((e) => e.key === third!.engagementKey)!.stages.at(-1)!.stageId === 'local-regulation'
        ? 'readiness-exploration'
        : 'local-regulation';
    planted.engagements[0]!.stages.reverse();
    expect(problemsOf(planted, eisToc).join('\n')).toMatch(
      /exceed the duration[\s\S]*unknown activity "no-such-activity"[\s\S]*stage is not the engagement's stage/,
    );
    expect(problemsOf(planted, eisToc).some((p) => p.startsWith('engagement-01'))).toBe(true);
  });

  it('uses interaction modes, principles, participants and next steps the way support is logged', () => {
    const { interactions } = demo(1);
    const share = (test: (i: (typeof interactions)[number]) => boolean) =>
      interactions.filter(test).length / interactions.length;
    expect(share((i) => i.mode === 'video' || i.mode === 'in-person')).toBeGreaterThan(0.7);
    expect(share((i) => i.principles.some((p) => p.rating !== null))).toBeGreaterThan(0.1);
    expect(share((i) => i.principles.length === 0)).toBeGreaterThan(0);
    expect(share((i) => i.participantContactKeys.length > 0)).toBeGreaterThan(0.3);
    expect(share((i) => Object.keys(i.participantCounts).length > 0)).toBeGreaterThan(0.2);
    const steps = interactions.flatMap((i) => i.nextSteps);
    expect(steps.length).toBeGreaterThan(100);
    expect(steps.some((s) => s.done)).toBe(true);
    expect(steps.some((s) => !s.done)).toBe(true);
    expect(steps.every((s) => s.owner !== '')).toBe(true);
  });

  it('lets foundational and co-design components dominate the first six months of each relationship', () => {
    const early = earlyComponentIds(eisToc);
    expect([...early].sort()).toEqual(
      eisToc.components
        .filter((c) => c.group === 'foundational' || c.group === 'co-design')
        .map((c) => c.id)
        .sort(),
    );
    for (const seed of SEEDS) expect(earlyShareOfMinutes(demo(seed), eisToc)).toBeGreaterThanOrEqual(0.6);
  });

  it('blends and diversifies use after the first year: more distinct components and a more even mix per month', () => {
    for (const seed of SEEDS) {
      const months = engagementMonths(demo(seed));
      const firstSix = months.filter((m) => m.relationshipMonth <= 6);
      const afterYear = months.filter((m) => m.relationshipMonth > 12);
      expect(mean(afterYear.map((m) => m.componentMinutes.size))).toBeGreaterThan(
        mean(firstSix.map((m) => m.componentMinutes.size)),
      );
      expect(mean(afterYear.map((m) => entropy(m.componentMinutes.values())))).toBeGreaterThan(
        mean(firstSix.map((m) => entropy(m.componentMinutes.values()))),
      );

      // The same holds for the mix pooled over all engagements in each month of relationship.
      const pooled = pooledEntropyByRelationshipMonth(demo(seed), 10);
      const pooledEarly = [...pooled].filter(([month]) => month <= 6).map(([, h]) => h);
      const pooledLate = [...pooled].filter(([month]) => month > 12).map(([, h]) => h);
      expect(pooledEarly).toHaveLength(6);
      expect(pooledLate.length).toBeGreaterThan(12);
      expect(mean(pooledLate)).toBeGreaterThan(mean(pooledEarly));
    }
  });

  it('lets monthly dose fall year over year from the first full year', () => {
    for (const seed of SEEDS) {
      const dose = doseByYear(demo(seed));
      const years = [0, 1, 2, 3, 4];
      for (const [i, year] of years.entries()) {
        if (i === 0) continue;
        expect(dose.get(year)!, `dose of year ${year + 1} (seed ${seed})`).toBeLessThan(dose.get(years[i - 1]!)!);
      }
    }
  });

  it('works for the isp-profile model: valid records and the same early pattern with its own ground-laying components', () => {
    const early = earlyComponentIds(ispProfile);
    expect([...early]).toEqual(ispProfile.stages[0]!.emphasizes);
    for (const seed of SEEDS.slice(0, 2)) {
      const dataset = demo(seed, ispProfile);
      expect(problemsOf(dataset, ispProfile)).toEqual([]);
      expect(dataset.engagements.every((e) => e.modelId === ispProfile.id)).toBe(true);
      expect(earlyShareOfMinutes(dataset, ispProfile)).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('copes with a bare model (no stages, principles or activities) and with another window and size', () => {
    const bare: PracticeModel = {
      ...eisToc,
      id: 'bare',
      stages: [],
      principles: [],
      componentGroups: [{ id: 'only', name: 'only', provenance: 'operationalized' }],
      components: eisToc.components.slice(0, 3).map((c) => ({ ...c, group: 'only', activities: [] })),
    };
    const dataset = generateDemo({
      seed: 5,
      model: bare,
      currentMonth,
      start: '2019-01-01',
      end: '2020-06-30',
      interactions: 120,
    });
    expect(dataset.interactions).toHaveLength(120);
    expect(dataset.engagements.every((e) => e.stages.length === 0)).toBe(true);
    expect(dataset.interactions.every((i) => i.stageId === null && i.principles.length === 0)).toBe(true);
    expect(dataset.interactions.every((i) => i.date >= '2019-01-01' && i.date <= '2020-06-30')).toBe(true);
    expect(problemsOf(dataset, bare)).toEqual([]);

    expect(
      generateDemo({ seed: 5, model: { ...bare, components: [] }, currentMonth, interactions: 30 }).interactions.every(
        (i) => i.components.length === 0,
      ),
    ).toBe(true);
    expect(generateDemo({ seed: 5, model: eisToc, currentMonth, interactions: 0 }).interactions).toEqual([]);
    expect(() =>
      generateDemo({ seed: 5, model: eisToc, currentMonth, start: '2021-01-01', end: '2020-01-01' }),
    ).toThrow(RangeError);
  });
});

describe('describeDemo', () => {
  it('counts what a log line reports', () => {
    const summary = describeDemo(demo(1));
    expect(summary).toEqual({
      interactions: 749,
      engagements: 13,
      regions: 13,
      states: 2,
      years: 5,
      from: expect.stringMatching(new RegExp(`^${startMonth}`)),
      to: expect.stringMatching(new RegExp(`^${window.end.slice(0, 7)}`)),
    });
    expect(describeDemo({ practitioners: [], partners: [], contacts: [], engagements: [], interactions: [] })).toEqual({
      interactions: 0,
      engagements: 0,
      regions: 0,
      states: 0,
      years: 0,
      from: null,
      to: null,
    });
  });
});
