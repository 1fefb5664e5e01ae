import { describe, expect, it } from 'vitest';
import { calendarMonth, relationshipMonth, relationshipMonthStart, shiftMonth } from './months.ts';

describe('month arithmetic', () => {
  it('shifts calendar months across year ends, both ways, as the calendar does', () => {
    expect(shiftMonth('2020-01', -1)).toBe('2019-12');
    expect(shiftMonth('2019-12', 1)).toBe('2020-01');
    expect(shiftMonth('2020-06', 0)).toBe('2020-06');
    expect(shiftMonth('2020-06', -30)).toBe('2017-12');
    for (let year = 1990; year <= 2030; year += 7) {
      for (let month = 1; month <= 12; month += 1) {
        const start = `${year}-${String(month).padStart(2, '0')}`;
        for (const by of [-25, -13, -12, -1, 1, 11, 12, 24])
          expect(shiftMonth(start, by)).toBe(new Date(Date.UTC(year, month - 1 + by, 1)).toISOString().slice(0, 7));
      }
    }
  });

  it('counts months of the relationship from the start day, a start on the 31st ending short months on their last day', () => {
    expect(relationshipMonth('2020-01-15', '2020-01-15')).toBe(1);
    expect(relationshipMonth('2020-01-15', '2020-02-14')).toBe(1);
    expect(relationshipMonth('2020-01-15', '2020-02-15')).toBe(2);
    expect(relationshipMonth('2020-01-31', '2020-02-29')).toBe(2);
    expect(relationshipMonth('2020-01-31', '2020-02-28')).toBe(1);
    expect(relationshipMonth('2020-01-15', '2020-01-14')).toBe(0);
    expect(relationshipMonth('2019-11-20', '2021-01-05')).toBe(14);
    expect(relationshipMonthStart('2020-01-31', 2)).toBe('2020-02-29');
    expect(calendarMonth('2020-03-09')).toBe('2020-03');
  });
});
