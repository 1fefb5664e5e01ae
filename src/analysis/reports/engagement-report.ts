import { describeEngagements } from '../descriptives/organization-descriptives.ts';
import { practiceUse } from '../descriptives/practice-use.ts';
import { stageSpells } from '../descriptives/stage-timing.ts';
import type { Vocabulary } from '../descriptives/vocabulary.ts';
import { currentRelationshipMonth, doseByRelationshipMonth } from '../dose/engagement-overview.ts';
import type { OutcomeSeries } from '../../domain/measurement/schemas.ts';
import type { ComponentMonthDose, EngagementMonthDose } from '../../domain/support/rollups.ts';
import type { Engagement, Interaction } from '../../domain/support/schemas.ts';
import { formatNumber } from './report.ts';
import type { Report, ReportSection } from './report.ts';
import { componentMixSection, diversitySection, doseByCalendarMonthSection, engagementOutcomeRows, namesOf, outcomesSection, practiceSections, summaryTable } from './sections.ts';

export interface EngagementReportInput {
  organization: { name: string };
  engagement: Engagement;
  partner: { name: string } | null;
  /** The engagement's practice model. */
  vocabulary: Vocabulary;
  engagementMonths: EngagementMonthDose[];
  componentMonths: ComponentMonthDose[];
  /** The engagement's live interactions, oldest first. */
  interactions: Interaction[];
  outcomes: OutcomeSeries[];
  today: string;
}

const recentInteractionCount = 10;

/** Next steps not yet done, soonest due first, undated last; overdue when due before `today`. */
function openStepsOf(interactions: readonly Interaction[], today: string) {
  return interactions
    .flatMap((i) => i.nextSteps.filter((s) => !s.done).map((s) => ({ ...s, interactionDate: i.date, overdue: s.dueDate !== null && s.dueDate < today })))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.interactionDate.localeCompare(b.interactionDate));
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
  const through = Math.max(currentRelationshipMonth(engagement.startDate, engagement.endDate, today), ...input.engagementMonths.map((m) => m.relationshipMonth));
  const dose = doseByRelationshipMonth(input.engagementMonths, through);
  const spells = stageSpells(engagement, today);
  const steps = openStepsOf(input.interactions, today);
  const recent = [...input.interactions].reverse().slice(0, recentInteractionCount);
  const lastDay = engagement.endDate !== null && engagement.endDate < today ? engagement.endDate : today;

  const sections: (ReportSection | null)[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        summaryTable([
          ['Month of relationship', formatNumber(currentRelationshipMonth(engagement.startDate, engagement.endDate, today))],
          ['Interactions', formatNumber(input.interactions.length)],
          ['Hours of support', formatNumber(input.interactions.reduce((s, i) => s + i.durationMinutes, 0) / 60, 1)],
          ['Current stage', spells.at(-1) ? nameOf(spells.at(-1)!.stageId) : '—'],
        ]),
        ...(engagement.goals.length ? [{ kind: 'list' as const, items: engagement.goals }] : []),
      ],
    },
    {
      id: 'dose-relationship',
      title: 'Dose by month of relationship',
      method: descriptives.methods.dose,
      blocks: [{ kind: 'chart', label: 'Minutes and interactions by month of relationship', chart: { kind: 'dose', axis: 'month of relationship', months: dose.map((m) => ({ month: String(m.month), minutes: m.minutes, interactions: m.interactions })) } }],
    },
    doseByCalendarMonthSection(descriptives),
    componentMixSection(descriptives, vocabulary, nameOf),
    ...practiceSections(practiceUse(input.interactions, vocabulary), vocabulary, nameOf),
    {
      id: 'stages',
      title: 'Stages',
      blocks: spells.length
        ? [
            {
              kind: 'table',
              columns: [{ title: 'Stage' }, { title: 'Started' }, { title: 'Until' }, { title: 'Month of relationship', numeric: true }, { title: 'Days', numeric: true }],
              rows: spells.map((s) => [nameOf(s.stageId), s.startedOn, s.current ? `${s.endedOn} (current)` : s.endedOn, formatNumber(s.startMonth), formatNumber(s.days)]),
            },
          ]
        : [{ kind: 'message', text: 'No stages recorded.' }],
    },
    {
      id: 'next-steps',
      title: 'Open next steps',
      blocks: steps.length
        ? [
            {
              kind: 'table',
              columns: [{ title: 'Due' }, { title: 'Next step' }, { title: 'Owner' }, { title: 'Agreed on' }],
              rows: steps.map((s) => [s.dueDate ? `${s.dueDate}${s.overdue ? ' (overdue)' : ''}` : '—', s.text, s.owner || '—', s.interactionDate]),
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
              columns: [{ title: 'Date' }, { title: 'Mode' }, { title: 'Minutes', numeric: true }, { title: 'Components' }, { title: 'Notes' }],
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
