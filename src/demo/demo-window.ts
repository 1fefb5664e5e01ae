import { shiftMonth } from '../domain/support/months.ts';

/**
 * The demo's span, relative to the month it is made in. The tracking study the demo mirrors ran from
 * November 2016 to December 2021: 62 calendar months. The demo keeps that length and ends in the
 * month before the current one, so that "this month" and "last contact" read live data; every
 * pattern in it is laid out relative to the span's first day.
 */
export const DEMO_MONTHS = 62;

/** The month after the study's last, in which the demo spans exactly November 2016 – December 2021. */
export const STUDY_MONTH = '2022-01';

const lastDayOf = (month: string): string => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** First and last day of the demo made in `currentMonth` (`YYYY-MM`): the 62 months before it. */
export function demoWindow(currentMonth: string): { start: string; end: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(currentMonth))
    throw new RangeError(`The current month must be YYYY-MM, not "${currentMonth}"`);
  return { start: `${shiftMonth(currentMonth, -DEMO_MONTHS)}-01`, end: lastDayOf(shiftMonth(currentMonth, -1)) };
}

/**
 * The day from which the demo's support moves mostly online, as much support did from mid-March 2020:
 * day 16 of the span's 41st month (March 2020 in the study's span).
 */
export const remoteFrom = (start: string): string => `${shiftMonth(start.slice(0, 7), 40)}-16`;
