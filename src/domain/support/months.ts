/** Month arithmetic on ISO dates (`YYYY-MM-DD`), in whole calendar days, no time zones involved. */

// Read by position: these run for every interaction written or summed, and splitting costs several times more.
const parts = (date: string): [number, number, number] => [
  Number(date.slice(0, 4)),
  Number(date.slice(5, 7)),
  Number(date.slice(8, 10)),
];

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in month `m` (1–12) of year `y`, Gregorian. */
const daysInMonth = (y: number, m: number): number =>
  m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : monthLengths[m - 1]!;

/** The calendar month of a date, `YYYY-MM`. */
export const calendarMonth = (date: string): string => date.slice(0, 7);

/**
 * Month of the relationship in which `date` falls: 1 from the start date up to the day before the same
 * day of the next month, 2 for the month after, and so on (dates before the start give 0 or less).
 * A start on the 31st counts a shorter month as ending on its last day.
 */
export function relationshipMonth(startDate: string, date: string): number {
  const [sy, sm, sd] = parts(startDate);
  const [y, m, d] = parts(date);
  let months = (y - sy) * 12 + (m - sm);
  const lastDayOfMonth = daysInMonth(y, m);
  if (d < Math.min(sd, lastDayOfMonth)) months -= 1;
  return months + 1;
}

/** The first day of the given relationship month. */
export function relationshipMonthStart(startDate: string, month: number): string {
  const [sy, sm, sd] = parts(startDate);
  const first = new Date(Date.UTC(sy, sm - 1 + (month - 1), 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(sd, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The calendar month `by` months after (or, negative, before) `month`, both `YYYY-MM`. */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}
