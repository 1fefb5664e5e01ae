import { activityWords } from '../../domain/plans/views.ts';
import type { PlanVersusActual } from '../plans/plan-versus-actual.ts';
import { formatNumber } from './report.ts';
import type { ReportSection } from './report.ts';

/**
 * Plan versus actual in a report: per calendar month, the minutes the stage plan sets against the minutes
 * logged (a chart and a table by component), and the planned activities done, due and overdue.
 */
export function planVersusActualSection(view: PlanVersusActual, nameOf: (id: string) => string): ReportSection {
  const base = { id: 'plan-versus-actual', title: 'Plan versus actual' };
  if (!view.months.some((m) => m.planned))
    return { ...base, blocks: [{ kind: 'message', text: 'No stage of this engagement has a plan for these months.' }] };
  const months = view.months.filter((m) => m.stageId !== null);
  const totals = view.activities;
  return {
    ...base,
    method:
      'Planned minutes are the minutes a month the plan of the stage the engagement was in on the last day of the month sets per component; logged minutes are the minutes of live interactions that month, per component.',
    blocks: [
      {
        kind: 'chart',
        label: 'Planned and logged minutes by calendar month',
        chart: {
          kind: 'planVersusActual',
          axis: 'calendar month',
          months: months.map((m) => ({
            month: m.month,
            planned: m.planned ? m.plannedMinutes : null,
            logged: m.loggedMinutes,
          })),
        },
      },
      {
        kind: 'table',
        columns: [
          { title: 'Month' },
          { title: 'Stage' },
          { title: 'Component' },
          { title: 'Planned minutes', numeric: true },
          { title: 'Logged minutes', numeric: true },
          { title: 'Activities due that month' },
        ],
        rows: months.flatMap((m) => {
          const stage = m.stageId === null ? '—' : `${nameOf(m.stageId)}${m.planned ? '' : ' (no plan)'}`;
          const total = [
            m.month,
            stage,
            'All components',
            m.planned ? formatNumber(m.plannedMinutes) : '—',
            formatNumber(m.loggedMinutes),
            activityWords(m.activities),
          ];
          return [
            total,
            ...m.components.map((c) => [
              m.month,
              stage,
              nameOf(c.componentId),
              m.planned ? formatNumber(c.planned) : '—',
              formatNumber(c.logged),
              '',
            ]),
          ];
        }),
      },
      {
        kind: 'message',
        text: `Planned activities over every stage plan: ${activityWords(totals)}.`,
      },
    ],
  };
}
