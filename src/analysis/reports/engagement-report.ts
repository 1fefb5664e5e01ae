import { describeEngagements } from '../descriptives/organization-descriptives.ts';
import { stageSpells } from '../descriptives/stage-timing.ts';
import type { PracticeUse } from '../descriptives/practice-use.ts';
import type { Vocabulary } from '../descriptives/vocabulary.ts';
import { currentRelationshipMonth, doseByRelationshipMonth, openNextSteps } from '../dose/engagement-overview.ts';
import type { OutcomeSeries } from '../../domain/measurement/schemas.ts';
import type { ComponentMonthDose, EngagementMonthDose } from '../../domain/support/rollups.ts';
import type { Engagement, Interaction } from '../../domain/support/schemas.ts';
import type { PlanVersusActual } from '../plans/plan-versus-actual.ts';
import { planVersusActualSection } from './plan-section.ts';
import { formatNumber } from './report.ts';
import type { Report, ReportSection } from './report.ts';
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

export interface EngagementReportInput {
  organization: { name: string };
  engagement: Engagement;
  partner: { name: string } | null;
  /** The engagement's practice model. */
  vocabulary: Vocabulary;
  engagementMonths: EngagementMonthDose[];
  componentMonths: ComponentMonthDose[];
  /** Mode mix, principle use and practice-activity use over the engagement's live interactions. */
  practice: PracticeUse;
  /** The open next steps of its live interactions (the next-step index). */
  nextSteps: { interactionId: string; interactionDate: string; text: string; owner: string; dueDate: string | null }[];
  /** Its latest live interactions, newest first: the report lists these and counts the rest from the rollups. */
  recentInteractions: Interaction[];
  outcomes: OutcomeSeries[];
  /** Plan versus actual over the months the report shows (the engagement's last twelve). */
  planVersusActual: PlanVersusActual;
  today: string;
}

const noteLength = 400;

/** The engagement report: what support the partner received, how it was made up, and what came of it. */
export function buildEngagementReport(input: EngagementReportInput): Report {
  const { engagement, vocabulary, today } = input;
  const nameOf = namesOf(vocabulary);
  const descriptives = describeEngagements({
    engagements: [engagement],
    engagementMonths: input.engagementMonths,
    componentMonths: input.componentMonths,
    groupOf: (id) => vocabulary.components.find((c) => c.id === id)?.group ?? 'other',
    stageOrder: vocabulary.stages.map((s) => s.id),
    today,
  });
  const through = Math.max(
    currentRelationshipMonth(engagement.startDate, engagement.endDate, today),
    ...input.engagementMonths.map((m) => m.relationshipMonth),
  );
  const dose = doseByRelationshipMonth(input.engagementMonths, through);
  const spells = stageSpells(engagement, today);
  const steps = openNextSteps(input.nextSteps, today);
  const recent = input.recentInteractions;
  const interactionCount = input.engagementMonths.reduce((sum, m) => sum + m.interactions, 0);
  const minutes = input.engagementMonths.reduce((sum, m) => sum + m.minutes, 0);
  const lastDay = engagement.endDate !== null && engagement.endDate < today ? engagement.endDate : today;

  const sections: (ReportSection | null)[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        summaryTable([
          [
            'Month of relationship',
            formatNumber(currentRelationshipMonth(engagement.startDate, engagement.endDate, today)),
          ],
          ['Interactions', formatNumber(interactionCount)],
          ['Hours of support', formatNumber(minutes / 60, 1)],
          ['Current stage', spells.at(-1) ? nameOf(spells.at(-1)!.stageId) : '—'],
        ]),
        ...(engagement.goals.length ? [{ kind: 'list' as const, items: engagement.goals }] : []),
      ],
    },
    {
      id: 'dose-relationship',
      title: 'Dose by month of relationship',
      method: descriptives.methods.dose,
      blocks: [
        {
          kind: 'chart',
          label: 'Minutes and interactions by month of relationship',
          chart: {
            kind: 'dose',
            axis: 'month of relationship',
            months: dose.map((m) => ({ month: String(m.month), minutes: m.minutes, interactions: m.interactions })),
          },
        },
      ],
    },
    doseByCalendarMonthSection(descriptives),
    componentMixSection(descriptives, vocabulary, nameOf),
    ...practiceSections(input.practice, vocabulary, nameOf),
    {
      id: 'stages',
      title: 'Stages',
      blocks: spells.length
        ? [
            {
              kind: 'table',
              columns: [
                { title: 'Stage' },
                { title: 'Started' },
                { title: 'Until' },
                { title: 'Month of relationship', numeric: true },
                { title: 'Days', numeric: true },
              ],
              rows: spells.map((s) => [
                nameOf(s.stageId),
                s.startedOn,
                s.current ? `${s.endedOn} (current)` : s.endedOn,
                formatNumber(s.startMonth),
                formatNumber(s.days),
              ]),
            },
          ]
        : [{ kind: 'message', text: 'No stages recorded.' }],
    },
    planVersusActualSection(input.planVersusActual, nameOf),
    {
      id: 'next-steps',
      title: 'Open next steps',
      blocks: steps.length
        ? [
            {
              kind: 'table',
              columns: [{ title: 'Due' }, { title: 'Next step' }, { title: 'Owner' }, { title: 'Agreed on' }],
              rows: steps.map((s) => [
                s.dueDate ? `${s.dueDate}${s.overdue ? ' (overdue)' : ''}` : '—',
                s.text,
                s.owner || '—',
                s.interactionDate,
              ]),
            },
          ]
        : [{ kind: 'message', text: 'No open next steps.' }],
    },
    diversitySection(descriptives, nameOf),
    outcomesSection(engagementOutcomeRows(input.outcomes), false),
    {
      id: 'recent',
      title: 'Recent interactions',
      blocks: recent.length
        ? [
            {
              kind: 'table',
              caption:
                recent.length < interactionCount
                  ? `The latest ${formatNumber(recent.length)} of ${formatNumber(interactionCount)} interactions`
                  : `All ${formatNumber(interactionCount)} interactions`,
              columns: [
                { title: 'Date' },
                { title: 'Mode' },
                { title: 'Minutes', numeric: true },
                { title: 'Components' },
                { title: 'Notes' },
              ],
              rows: recent.map((i) => [
                i.date,
                i.mode,
                formatNumber(i.durationMinutes),
                i.components.map((c) => nameOf(c.componentId)).join(', ') || '—',
                i.notes.length > noteLength ? `${i.notes.slice(0, noteLength)}…` : i.notes,
              ]),
            },
          ]
        : [{ kind: 'message', text: 'Nothing logged yet.' }],
    },
  ];
  return {
    kind: 'engagement',
    header: {
      title: `Engagement report: ${engagement.name}`,
      organization: input.organization.name,
      engagement: engagement.name,
      partner: input.partner?.name ?? 'Unknown partner',
      models: vocabulary.models.map((m) => `${m.name} ${m.version}`),
      period: { from: engagement.startDate, to: lastDay },
      generatedOn: today,
    },
    sections: sections.filter((s): s is ReportSection => s !== null),
  };
}
