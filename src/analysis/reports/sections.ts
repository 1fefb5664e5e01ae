import type { Descriptives } from '../descriptives/organization-descriptives.ts';
import type { PracticeUse } from '../descriptives/practice-use.ts';
import type { Vocabulary } from '../descriptives/vocabulary.ts';
import type { OutcomeSeries } from '../../domain/measurement/schemas.ts';
import { formatNumber, formatPercent } from './report.ts';
import type { ReportBlock, ReportSection } from './report.ts';

/** Section builders both reports share, so the engagement and organization reports say things alike. */

/** Display names by id from a vocabulary; an unknown id stands for itself. */
export function namesOf(vocabulary: Vocabulary): (id: string) => string {
  const names = new Map<string, string>([
    ...vocabulary.components.map((c) => [c.id, c.name] as const),
    ...vocabulary.componentGroups.map((g) => [g.id, g.name] as const),
    ...vocabulary.principles.map((p) => [p.id, p.name] as const),
    ...vocabulary.stages.map((s) => [s.id, s.name] as const),
  ]);
  return (id) => names.get(id) ?? id;
}

const message = (text: string): ReportBlock => ({ kind: 'message', text });

/** The summary table at the head of a report: one row per figure, its value right-aligned. */
export function summaryTable(rows: readonly (readonly [figure: string, value: string])[]): ReportBlock {
  return {
    kind: 'table',
    columns: [{ title: 'Figure' }, { title: 'Value', numeric: true }],
    rows: rows.map(([figure, value]) => [figure, value]),
  };
}

const calendarMonthsBetween = (first: string, last: string): string[] => {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
};

export function doseByCalendarMonthSection(d: Descriptives): ReportSection {
  const rows = d.doseByCalendarMonth;
  const byMonth = new Map(rows.map((r) => [r.calendarMonth, r]));
  const months = rows.length ? calendarMonthsBetween(rows[0]!.calendarMonth, rows.at(-1)!.calendarMonth) : [];
  return {
    id: 'dose-calendar',
    title: 'Dose by calendar month',
    blocks: rows.length
      ? [
          {
            kind: 'chart',
            label: 'Minutes and interactions of support by calendar month',
            chart: {
              kind: 'dose',
              axis: 'calendar month',
              months: months.map((month) => ({
                month,
                minutes: byMonth.get(month)?.minutes ?? 0,
                interactions: byMonth.get(month)?.interactions ?? 0,
              })),
            },
          },
        ]
      : [message('No interactions in this period.')],
  };
}

export function componentMixSection(
  d: Descriptives,
  vocabulary: Vocabulary,
  nameOf: (id: string) => string,
): ReportSection {
  if (d.componentMix.length === 0)
    return {
      id: 'component-mix',
      title: 'Component mix by month of relationship',
      blocks: [message('No component time recorded in this period.')],
    };
  const total = d.minutesByComponent.reduce((s, c) => s + c.minutes, 0);
  const known = new Set(vocabulary.components.map((c) => c.id));
  const components = [
    ...vocabulary.components,
    ...d.minutesByComponent
      .filter((c) => !known.has(c.componentId))
      .map((c) => ({ id: c.componentId, name: c.componentId, group: c.group, activities: [] })),
  ];
  return {
    id: 'component-mix',
    title: 'Component mix by month of relationship',
    blocks: [
      {
        kind: 'chart',
        label: 'Minutes per component by month of relationship, stacked',
        chart: {
          kind: 'componentMix',
          axis: 'month of relationship',
          months: d.componentMix.map((m) => ({
            month: String(m.month),
            components: Object.entries(m.shares).map(([componentId, share]) => ({
              componentId,
              minutes: Math.round(share * m.totalMinutes),
            })),
          })),
          components: components.map((c) => ({ id: c.id, name: c.name, group: c.group })),
          groups: vocabulary.componentGroups,
        },
      },
      {
        kind: 'table',
        caption: 'Minutes per component over the period',
        columns: [
          { title: 'Component' },
          { title: 'Group' },
          { title: 'Interactions', numeric: true },
          { title: 'Minutes', numeric: true },
          { title: 'Share of minutes', numeric: true },
        ],
        rows: d.minutesByComponent.map((c) => [
          nameOf(c.componentId),
          nameOf(c.group),
          formatNumber(c.interactions),
          formatNumber(c.minutes),
          formatPercent(total > 0 ? c.minutes / total : null),
        ]),
      },
    ],
  };
}

/** Principle use, practice-activity use rates and mode mix, from the interactions. */
export function practiceSections(
  use: PracticeUse,
  vocabulary: Vocabulary,
  nameOf: (id: string) => string,
): ReportSection[] {
  const none = use.interactions === 0;
  const activityLabel = new Map(
    vocabulary.components.flatMap((c) => c.activities.map((a) => [`${c.id}|${a.id}`, a.label] as const)),
  );
  const usedActivities = use.activities.filter((a) => a.componentInteractions > 0);
  return [
    {
      id: 'principles',
      title: 'Principle use',
      method: 'Share of interactions that applied each principle; mean of the 1–5 self-ratings given.',
      blocks: none
        ? [message('No interactions in this period.')]
        : [
            {
              kind: 'chart',
              label: 'Share of interactions applying each principle',
              chart: {
                kind: 'bars',
                valueName: 'share of interactions',
                percent: true,
                bars: use.principles.map((p) => ({ label: nameOf(p.principleId), value: p.rate ?? 0 })),
              },
            },
            {
              kind: 'table',
              columns: [
                { title: 'Principle' },
                { title: 'Interactions', numeric: true },
                { title: 'Share', numeric: true },
                { title: 'Ratings', numeric: true },
                { title: 'Mean rating', numeric: true },
              ],
              rows: use.principles.map((p) => [
                nameOf(p.principleId),
                formatNumber(p.interactions),
                formatPercent(p.rate),
                formatNumber(p.ratings),
                formatNumber(p.meanRating, 2),
              ]),
            },
          ],
    },
    {
      id: 'activities',
      title: 'Practice-activity use',
      method: "Share of the component's interactions in which the activity was used.",
      blocks:
        usedActivities.length === 0
          ? [message('No practice activities recorded in this period.')]
          : [
              {
                kind: 'table',
                columns: [
                  { title: 'Component' },
                  { title: 'Activity' },
                  { title: 'Uses', numeric: true },
                  { title: 'Component interactions', numeric: true },
                  { title: 'Use rate', numeric: true },
                ],
                rows: usedActivities.map((a) => [
                  nameOf(a.componentId),
                  activityLabel.get(`${a.componentId}|${a.activityId}`) ?? a.activityId,
                  formatNumber(a.uses),
                  formatNumber(a.componentInteractions),
                  formatPercent(a.rate),
                ]),
              },
            ],
    },
    {
      id: 'modes',
      title: 'Mode mix',
      method: 'Share of interactions by mode of contact.',
      blocks: none
        ? [message('No interactions in this period.')]
        : [
            {
              kind: 'chart',
              label: 'Share of interactions by mode',
              chart: {
                kind: 'bars',
                valueName: 'share of interactions',
                percent: true,
                bars: use.modeMix.map((m) => ({ label: m.mode, value: m.share ?? 0 })),
              },
            },
            {
              kind: 'table',
              columns: [
                { title: 'Mode' },
                { title: 'Interactions', numeric: true },
                { title: 'Minutes', numeric: true },
                { title: 'Share', numeric: true },
              ],
              rows: use.modeMix.map((m) => [
                m.mode,
                formatNumber(m.interactions),
                formatNumber(m.minutes),
                formatPercent(m.share),
              ]),
            },
          ],
    },
  ];
}

/** Diversity of component use by month, early versus later, and transitions between dominant components. */
export function diversitySection(d: Descriptives, nameOf: (id: string) => string): ReportSection {
  if (d.diversityByRelationshipMonth.length === 0)
    return {
      id: 'diversity',
      title: 'Diversity of component use',
      blocks: [message('No component time recorded in this period.')],
    };
  const period = (p: 'early' | 'later') => (p === 'early' ? 'Months 1–6' : 'Month 7 on');
  return {
    id: 'diversity',
    title: 'Diversity of component use',
    method: `${d.methods.entropy}: H = −Σ pᵢ ln pᵢ over minutes per component in an engagement-month; means over engagement-months with contact.`,
    blocks: [
      {
        kind: 'table',
        caption: 'By month of relationship',
        columns: [
          { title: 'Month', numeric: true },
          { title: 'Engagement-months', numeric: true },
          { title: 'Mean components used', numeric: true },
          { title: 'Mean Shannon entropy', numeric: true },
        ],
        rows: d.diversityByRelationshipMonth.map((m) => [
          String(m.month),
          formatNumber(m.engagementMonths),
          formatNumber(m.meanComponentsUsed, 2),
          formatNumber(m.meanEntropy, 3),
        ]),
      },
      {
        kind: 'table',
        caption: 'Early versus later',
        columns: [
          { title: 'Period' },
          { title: 'Engagement-months', numeric: true },
          { title: 'Mean components used', numeric: true },
          { title: 'Mean Shannon entropy', numeric: true },
        ],
        rows: d.earlyVersusLater.map((p) => [
          period(p.period),
          formatNumber(p.engagementMonths),
          formatNumber(p.meanComponentsUsed, 2),
          formatNumber(p.meanEntropy, 3),
        ]),
      },
      d.transitions.length
        ? {
            kind: 'table',
            caption: 'Transitions between dominant components, consecutive months with contact',
            columns: [{ title: 'From' }, { title: 'To' }, { title: 'Count', numeric: true }],
            rows: d.transitions.map((t) => [nameOf(t.from), nameOf(t.to), formatNumber(t.count)]),
          }
        : message('No month-to-month transitions yet.'),
    ],
  };
}

export interface OutcomeRow {
  name: string;
  level: string;
  wave: string;
  date: string;
  n: number;
  mean: number | null;
  sd: number | null;
  /** Engagements pooled (organization report only). */
  engagements?: number;
}

/** Outcome scores by wave, when measurement data exists. */
export function outcomesSection(rows: readonly OutcomeRow[], pooled: boolean): ReportSection | null {
  if (rows.length === 0) return null;
  return {
    id: 'outcomes',
    title: 'Outcome scores by wave',
    method: pooled
      ? 'Per wave name: mean of the engagements’ mean scores, with the SD across engagements; n counts respondents.'
      : 'Mean and sample SD (n − 1) of respondents’ scores per wave; missing scores left out.',
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: 'Score' },
          { title: 'Level' },
          { title: 'Wave' },
          { title: pooled ? 'First date' : 'Date' },
          ...(pooled ? [{ title: 'Engagements', numeric: true }] : []),
          { title: 'n', numeric: true },
          { title: 'Mean', numeric: true },
          { title: 'SD', numeric: true },
        ],
        rows: rows.map((r) => [
          r.name,
          r.level,
          r.wave,
          r.date,
          ...(pooled ? [formatNumber(r.engagements ?? 0)] : []),
          formatNumber(r.n),
          formatNumber(r.mean, 2),
          formatNumber(r.sd, 2),
        ]),
      },
    ],
  };
}

/** The outcome rows of one engagement: each score's summary of respondents (or direct ratings) per wave. */
export function engagementOutcomeRows(series: readonly OutcomeSeries[]): OutcomeRow[] {
  return series.flatMap((s) =>
    s.points
      .filter((p) => p.source !== 'members')
      .map((p) => ({ name: s.name, level: s.level, wave: p.waveName, date: p.date, n: p.n, mean: p.mean, sd: p.sd })),
  );
}
