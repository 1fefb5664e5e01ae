import type { Descriptives } from '../descriptives/organization-descriptives.ts';
import type { PracticeUse } from '../descriptives/practice-use.ts';
import type { Vocabulary } from '../descriptives/vocabulary.ts';
import type { OutcomeSeries } from '../../domain/measurement/schemas.ts';
import { formatNumber } from './report.ts';
import type { Report, ReportSection } from './report.ts';
import type { OutcomeRow } from './sections.ts';
import {
  componentMixSection,
  diversitySection,
  doseByCalendarMonthSection,
  engagementOutcomeRows,
  namesOf,
  outcomesSection,
  practiceSections,
  summaryTable,
} from './sections.ts';

export interface OrganizationReportInput {
  organization: { name: string };
  descriptives: Descriptives;
  practice: PracticeUse;
  vocabulary: Vocabulary;
  /** Each engagement's outcome series. */
  outcomes: OutcomeSeries[][];
  /** Calendar months `YYYY-MM`, null where open. */
  period: { from: string | null; to: string | null };
  today: string;
}

/** Pools engagements' outcome scores per score, level and wave name: the mean of engagement means and their SD. */
export function pooledOutcomeRows(outcomes: readonly OutcomeSeries[][]): OutcomeRow[] {
  const groups = new Map<
    string,
    { name: string; level: string; wave: string; date: string; n: number; means: number[] }
  >();
  for (const row of outcomes.flatMap((series) => engagementOutcomeRows(series))) {
    const key = `${row.name}|${row.level}|${row.wave}`;
    const slot = groups.get(key) ?? {
      name: row.name,
      level: row.level,
      wave: row.wave,
      date: row.date,
      n: 0,
      means: [],
    };
    slot.n += row.n;
    if (row.mean !== null) slot.means.push(row.mean);
    if (row.date < slot.date) slot.date = row.date;
    groups.set(key, slot);
  }
  return [...groups.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || a.level.localeCompare(b.level) || a.date.localeCompare(b.date))
    .map((g) => {
      const k = g.means.length;
      const mean = k ? g.means.reduce((s, v) => s + v, 0) / k : null;
      const sd = k > 1 && mean !== null ? Math.sqrt(g.means.reduce((s, v) => s + (v - mean) ** 2, 0) / (k - 1)) : null;
      return { name: g.name, level: g.level, wave: g.wave, date: g.date, n: g.n, mean, sd, engagements: k };
    });
}

/** The organization report: support across engagements, its make-up over the relationship, and outcomes. */
export function buildOrganizationReport(input: OrganizationReportInput): Report {
  const { descriptives: d, vocabulary } = input;
  const nameOf = namesOf(vocabulary);
  const enough = d.doseByRelationshipMonth.filter((m) => m.engagements >= d.minimumEngagements);
  const sections: (ReportSection | null)[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        summaryTable([
          ['Engagements', formatNumber(d.engagements)],
          ['Interactions', formatNumber(d.totals.interactions)],
          ['Hours of support', formatNumber(d.totals.minutes / 60, 1)],
        ]),
      ],
    },
    doseByCalendarMonthSection(d),
    {
      id: 'dose-relationship',
      title: 'Dose by month of relationship across engagements',
      method: `Minutes per engagement: mean, median and interquartile range, ${d.methods.quantiles}; ${d.methods.dose}; months with fewer than ${d.minimumEngagements} engagements are left out.`,
      blocks: enough.length
        ? [
            {
              kind: 'chart',
              label: 'Minutes per engagement by month of relationship: mean, median and interquartile range',
              chart: {
                kind: 'doseDistribution',
                axis: 'month of relationship',
                months: enough.map((m) => ({
                  month: String(m.month),
                  mean: m.mean,
                  median: m.median,
                  q1: m.q1,
                  q3: m.q3,
                })),
              },
            },
            {
              kind: 'table',
              columns: ['Month', 'Engagements', 'With contact', 'Mean', 'Median', 'Q1', 'Q3'].map((title) => ({
                title,
                numeric: true,
              })),
              rows: enough.map((m) => [
                String(m.month),
                formatNumber(m.engagements),
                formatNumber(m.withContact),
                formatNumber(m.mean, 1),
                formatNumber(m.median, 1),
                formatNumber(m.q1, 1),
                formatNumber(m.q3, 1),
              ]),
            },
          ]
        : [
            {
              kind: 'message',
              text: `Too few engagements: this view needs at least ${d.minimumEngagements} engagements in a month of relationship (${d.engagements} selected).`,
            },
          ],
    },
    componentMixSection(d, vocabulary, nameOf),
    ...practiceSections(input.practice, vocabulary, nameOf),
    {
      id: 'stages',
      title: 'Stage timing',
      method: d.methods.stages,
      blocks: d.stageTiming.some((s) => s.engagements > 0)
        ? [
            {
              kind: 'table',
              columns: [
                { title: 'Stage' },
                { title: 'Engagements entered', numeric: true },
                { title: 'In it now', numeric: true },
                { title: 'Median entry month', numeric: true },
                { title: 'Completed', numeric: true },
                { title: 'Median days (completed)', numeric: true },
              ],
              rows: d.stageTiming.map((s) => [
                nameOf(s.stageId),
                formatNumber(s.engagements),
                formatNumber(s.current),
                formatNumber(s.medianStartMonth, 1),
                formatNumber(s.completed),
                formatNumber(s.medianDaysCompleted, 1),
              ]),
            },
          ]
        : [{ kind: 'message', text: 'No stages recorded.' }],
    },
    diversitySection(d, nameOf),
    outcomesSection(pooledOutcomeRows(input.outcomes), true),
  ];
  return {
    kind: 'organization',
    header: {
      title: `Organization report: ${input.organization.name}`,
      organization: input.organization.name,
      models: vocabulary.models.map((m) => `${m.name} ${m.version}`),
      period: input.period,
      generatedOn: input.today,
    },
    sections: sections.filter((s): s is ReportSection => s !== null),
  };
}
