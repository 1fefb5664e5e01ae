import { describe, expect, it } from 'vitest';
import { eisToc } from '../../model/builtin/index.ts';
import { vocabularyOf } from '../descriptives/vocabulary.ts';
import { describeEngagements } from '../descriptives/organization-descriptives.ts';
import { practiceUse } from '../descriptives/practice-use.ts';
import type { Engagement, Interaction } from '../../domain/support/schemas.ts';
import { computeDose, openNextStepRows } from '../../domain/support/rollups.ts';
import { planVersusActual } from '../plans/plan-versus-actual.ts';
import { buildEngagementReport } from './engagement-report.ts';
import { buildOrganizationReport, pooledOutcomeRows } from './organization-report.ts';
import type { Report, ReportBlock } from './report.ts';
import { formatNumber, formatPercent } from './report.ts';

const vocabulary = vocabularyOf([eisToc]);
const meta = { version: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', deletedAt: null };
const engagement: Engagement = {
  ...meta,
  id: 'e1',
  partnerId: 'p1',
  name: 'Support for Riverside',
  supportTeam: ['u1'],
  startDate: '2024-01-10',
  endDate: null,
  modelId: eisToc.id,
  modelVersion: eisToc.version,
  stages: [
    { stageId: eisToc.stages[0]!.id, startedOn: '2024-01-10' },
    { stageId: eisToc.stages[1]!.id, startedOn: '2024-03-01' },
  ],
  goals: ['Adopt the program'],
};
const relating = eisToc.components[0]!;
const interaction = (id: string, date: string, minutes: number, extra: Partial<Interaction> = {}): Interaction => ({
  ...meta,
  id,
  engagementId: 'e1',
  date,
  time: null,
  durationMinutes: minutes,
  mode: 'video',
  stageId: null,
  participants: { contactIds: [], counts: {} },
  components: [{ componentId: relating.id, minutes, activityIds: [relating.activities[0]!.id] }],
  principles: [{ principleId: eisToc.principles[0]!.id, rating: 4 }],
  notes: '',
  nextSteps: [],
  modelId: eisToc.id,
  modelVersion: eisToc.version,
  loggedBy: 'u1',
  ...extra,
});
const interactions = [
  interaction('i1', '2024-01-15', 60),
  interaction('i2', '2024-02-20', 30, {
    mode: 'phone',
    nextSteps: [{ text: 'Send the <b>plan</b>', owner: 'ISP', dueDate: '2024-03-01', done: false }],
  }),
  interaction('i3', '2024-04-02', 45, { notes: 'Met the team' }),
];
const dose = computeDose(interactions, new Map([['e1', engagement.startDate]]));
/** What the engagement report reads besides the rollups: practice use, the open next-step index and the latest interactions. */
const readsOf = (list: Interaction[], recent = list.length) => ({
  practice: practiceUse(list, vocabulary),
  nextSteps: list.flatMap(openNextStepRows),
  recentInteractions: [...list].reverse().slice(0, recent),
});

/** The second stage planned at 60 minutes a month of the first component, with one activity done and one overdue. */
const plans = [
  {
    stageId: eisToc.stages[1]!.id,
    emphasis: [{ componentId: relating.id, minutesPerMonth: 60 }],
    activities: [
      { activityKey: null, text: 'Readiness review', ownerId: 'u1', dueDate: '2024-03-15', status: 'done' as const },
      { activityKey: null, text: 'Team charter', ownerId: 'u1', dueDate: '2024-04-10', status: 'planned' as const },
    ],
  },
];
const planMonths = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];
const planOf = (withPlans: typeof plans, today: string) =>
  planVersusActual({
    months: planMonths,
    stages: engagement.stages,
    plans: withPlans,
    logged: dose.componentMonths.map((m) => ({
      calendarMonth: m.calendarMonth,
      componentId: m.componentId,
      minutes: m.minutes,
    })),
    today,
  });

const sectionIds = (report: Report) => report.sections.map((s) => s.id);
const blocksOf = (report: Report, id: string): ReportBlock[] => report.sections.find((s) => s.id === id)?.blocks ?? [];

describe('engagement report', () => {
  const report = buildEngagementReport({
    organization: { name: 'Coastal Collaborative' },
    engagement,
    partner: { name: 'Riverside County' },
    vocabulary,
    engagementMonths: dose.engagementMonths,
    componentMonths: dose.componentMonths,
    ...readsOf(interactions, 2),
    outcomes: [
      {
        outcomeId: 'self-efficacy',
        level: 'individual',
        instrumentId: 'tses',
        scoreId: 'total',
        name: 'Self-efficacy',
        points: [
          {
            waveId: 'w1',
            waveName: 'Baseline',
            date: '2024-01-20',
            source: 'respondents',
            partnerId: null,
            n: 4,
            mean: 3.25,
            sd: 0.5,
            min: 3,
            max: 4,
            missing: 0,
          },
          {
            waveId: 'w1',
            waveName: 'Baseline',
            date: '2024-01-20',
            source: 'members',
            partnerId: 'p1',
            n: 4,
            mean: 3.25,
            sd: 0.5,
            min: 3,
            max: 4,
            missing: 0,
          },
        ],
      },
    ],
    planVersusActual: planOf(plans, '2024-05-01'),
    today: '2024-05-01',
  });

  it('has the header and every section in order', () => {
    expect(report.header).toMatchObject({
      organization: 'Coastal Collaborative',
      engagement: 'Support for Riverside',
      partner: 'Riverside County',
      models: [`${eisToc.name} ${eisToc.version}`],
      period: { from: '2024-01-10', to: '2024-05-01' },
    });
    expect(sectionIds(report)).toEqual([
      'summary',
      'dose-relationship',
      'dose-calendar',
      'component-mix',
      'principles',
      'activities',
      'modes',
      'stages',
      'plan-versus-actual',
      'next-steps',
      'diversity',
      'outcomes',
      'recent',
    ]);
  });

  it('charts and tables planned against logged minutes from the month the planned stage began', () => {
    const [chart, table, totals] = blocksOf(report, 'plan-versus-actual');
    expect(chart).toMatchObject({
      kind: 'chart',
      chart: {
        kind: 'planVersusActual',
        months: [
          { month: '2024-01', planned: null, logged: 60 },
          { month: '2024-02', planned: null, logged: 30 },
          { month: '2024-03', planned: 60, logged: 0 },
          { month: '2024-04', planned: 60, logged: 45 },
          { month: '2024-05', planned: 60, logged: 0 },
        ],
      },
    });
    const rows = table?.kind === 'table' ? table.rows : [];
    expect(rows.filter((r) => r[0] === '2024-04')).toEqual([
      ['2024-04', eisToc.stages[1]!.name, 'All components', '60', '45', '1 overdue'],
      ['2024-04', eisToc.stages[1]!.name, relating.name, '60', '45', ''],
    ]);
    expect(rows.find((r) => r[0] === '2024-01')?.slice(1, 4)).toEqual([
      `${eisToc.stages[0]!.name} (no plan)`,
      'All components',
      '—',
    ]);
    expect(rows.find((r) => r[0] === '2024-03')?.[5]).toBe('1 done');
    expect(totals).toEqual({
      kind: 'message',
      text: 'Planned activities over every stage plan: 1 done · 1 overdue.',
    });
  });

  it('charts dose for every month of the relationship, months without contact as zero', () => {
    const [chart] = blocksOf(report, 'dose-relationship');
    expect(chart).toMatchObject({ kind: 'chart', chart: { kind: 'dose' } });
    const months = chart?.kind === 'chart' && chart.chart.kind === 'dose' ? chart.chart.months : [];
    expect(months.map((m) => m.minutes)).toEqual([60, 30, 45, 0]);
    const calendar = blocksOf(report, 'dose-calendar')[0];
    expect(
      calendar?.kind === 'chart' && calendar.chart.kind === 'dose' ? calendar.chart.months.map((m) => m.month) : [],
    ).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });

  it('tables modes, next steps, stages and outcomes by wave (respondents, not unit aggregates)', () => {
    const table = (id: string) => blocksOf(report, id).find((b) => b.kind === 'table');
    expect(
      table('modes')?.kind === 'table' && table('modes')!.rows.filter((r) => r[0] === 'video' || r[0] === 'phone'),
    ).toEqual([
      ['video', '2', '105', '67%'],
      ['phone', '1', '30', '33%'],
    ]);
    expect(table('next-steps')).toMatchObject({
      rows: [['2024-03-01 (overdue)', 'Send the <b>plan</b>', 'ISP', '2024-02-20']],
    });
    expect(table('stages')).toMatchObject({
      rows: [
        [eisToc.stages[0]!.name, '2024-01-10', '2024-03-01', '1', '51'],
        [eisToc.stages[1]!.name, '2024-03-01', '2024-05-01 (current)', '2', '61'],
      ],
    });
    expect(table('outcomes')).toMatchObject({
      rows: [['Self-efficacy', 'individual', 'Baseline', '2024-01-20', '4', '3.25', '0.5']],
    });
  });

  it('lists the latest interactions and says how many there are in all', () => {
    const [table] = blocksOf(report, 'recent');
    expect(table).toMatchObject({ kind: 'table', caption: 'The latest 2 of 3 interactions' });
    expect(table?.kind === 'table' ? table.rows.map((r) => r[0]) : []).toEqual(['2024-04-02', '2024-02-20']);
    expect(blocksOf(report, 'summary')[0]).toMatchObject({
      rows: [
        ['Month of relationship', '4'],
        ['Interactions', '3'],
        ['Hours of support', '2.3'],
        ['Current stage', eisToc.stages[1]!.name],
      ],
    });
  });

  it('leaves the outcome section out without measurements, and never prints NaN', () => {
    const empty = buildEngagementReport({
      organization: { name: 'O' },
      engagement: { ...engagement, stages: [] },
      partner: null,
      vocabulary,
      engagementMonths: [],
      componentMonths: [],
      ...readsOf([]),
      outcomes: [],
      planVersusActual: planOf([], '2024-01-10'),
      today: '2024-01-10',
    });
    expect(sectionIds(empty)).not.toContain('outcomes');
    expect(blocksOf(empty, 'plan-versus-actual')).toEqual([
      { kind: 'message', text: 'No stage of this engagement has a plan for these months.' },
    ]);
    expect(blocksOf(empty, 'principles')).toEqual([{ kind: 'message', text: 'No interactions in this period.' }]);
    expect(JSON.stringify(empty)).not.toContain('NaN');
  });
});

describe('organization report', () => {
  const build = (engagements: Engagement[]) =>
    buildOrganizationReport({
      organization: { name: 'Coastal Collaborative' },
      descriptives: describeEngagements({
        engagements,
        engagementMonths: dose.engagementMonths,
        componentMonths: dose.componentMonths,
        groupOf: () => 'foundational',
        stageOrder: vocabulary.stages.map((s) => s.id),
        today: '2024-05-01',
      }),
      practice: practiceUse(engagements.length ? interactions : [], vocabulary),
      vocabulary,
      outcomes: [],
      period: { from: '2024-01', to: null },
      today: '2024-05-01',
    });

  it('explains, instead of charting, dose across engagements when fewer than three engagements contribute', () => {
    const report = build([engagement]);
    expect(sectionIds(report)).toEqual([
      'summary',
      'dose-calendar',
      'dose-relationship',
      'component-mix',
      'principles',
      'activities',
      'modes',
      'stages',
      'diversity',
    ]);
    expect(blocksOf(report, 'dose-relationship')).toEqual([
      {
        kind: 'message',
        text: 'Too few engagements: this view needs at least 3 engagements in a month of relationship (1 selected).',
      },
    ]);
    expect(report.header.period).toEqual({ from: '2024-01', to: null });
  });

  it('charts mean, median and IQR once three engagements reach a month', () => {
    const more = [engagement, { ...engagement, id: 'e2' }, { ...engagement, id: 'e3' }];
    const blocks = blocksOf(build(more), 'dose-relationship');
    expect(blocks[0]).toMatchObject({ kind: 'chart', chart: { kind: 'doseDistribution' } });
    expect(blocks[1]).toMatchObject({
      kind: 'table',
      rows: expect.arrayContaining([['1', '3', '1', '20', '0', '0', '30']]),
    });
  });

  it('has no NaN for an empty selection', () => {
    expect(JSON.stringify(build([]))).not.toContain('NaN');
  });

  it('pools outcome scores per wave name over engagements', () => {
    const series = (mean: number) => [
      {
        outcomeId: 'o',
        level: 'individual',
        instrumentId: 'i',
        scoreId: 's',
        name: 'Self-efficacy',
        points: [
          {
            waveId: 'w',
            waveName: 'Baseline',
            date: '2024-02-01',
            source: 'respondents' as const,
            partnerId: null,
            n: 5,
            mean,
            sd: 1,
            min: 1,
            max: 5,
            missing: 0,
          },
        ],
      },
    ];
    expect(pooledOutcomeRows([series(3), series(4)])).toEqual([
      {
        name: 'Self-efficacy',
        level: 'individual',
        wave: 'Baseline',
        date: '2024-02-01',
        n: 10,
        mean: 3.5,
        sd: Math.sqrt(0.5),
        engagements: 2,
      },
    ]);
  });
});

describe('formatting', () => {
  it('prints a dash for missing or non-finite values', () => {
    expect([
      formatNumber(null),
      formatNumber(Number.NaN),
      formatNumber(1234.567, 1),
      formatPercent(null),
      formatPercent(0.125),
    ]).toEqual(['—', '—', '1,234.6', '—', '13%']);
  });
});
