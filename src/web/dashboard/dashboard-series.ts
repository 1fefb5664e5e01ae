import type { OrganizationDashboard } from '../../domain/support/views.ts';
import type { ComponentMonthMinutes } from '../../charts/options.ts';

/** Rows of (month, component, minutes) grouped into one entry per calendar month, months in order. */
export function componentMonths(rows: OrganizationDashboard['componentsByCalendarMonth']): ComponentMonthMinutes[] {
  const byMonth = new Map<string, Array<{ componentId: string; minutes: number }>>();
  for (const row of rows) {
    const month = byMonth.get(row.calendarMonth) ?? [];
    month.push({ componentId: row.componentId, minutes: row.minutes });
    byMonth.set(row.calendarMonth, month);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, components]) => ({ month, components }));
}
