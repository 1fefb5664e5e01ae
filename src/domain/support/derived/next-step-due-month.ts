import { calendarMonth } from '../months.ts';
import type { OrganizationDeclaration } from './declaration.ts';
import { summedPerInteraction } from './summed-per-interaction.ts';

/**
 * Open next steps with a due date, counted per engagement, calendar month of the interaction that set
 * them, owner (as written on the step) and calendar month they are due. "Overdue" depends on today, so
 * the count is kept by due month: the months before today's are summed at read time, and only today's
 * month is counted from the next-step index (`InteractionRepository.overdueByOwner`).
 */
export const nextStepDueMonth = summedPerInteraction({
  table: 'next_step_due_month',
  grain: 'calendar_month',
  key: { engagement_id: 'text', calendar_month: 'text', owner: 'text', due_month: 'text' },
  values: { open_steps: 'integer' },
  contributions: (i, m) =>
    i.nextSteps.flatMap((s) =>
      s.done || s.dueDate === null
        ? []
        : [
            {
              engagement_id: i.engagementId,
              calendar_month: m.calendarMonth,
              owner: s.owner,
              due_month: calendarMonth(s.dueDate),
              open_steps: 1,
            },
          ],
    ),
});

/** The same summed over the organization's engagements: a few rows per month whatever the size of the record. */
export const organizationNextStepDueMonth: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_next_step_due_month',
  from: nextStepDueMonth,
  grain: 'calendar_month',
  key: { calendar_month: 'text', owner: 'text', due_month: 'text' },
  sums: ['open_steps'],
};
