import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumber, daysBetween, isWeekend, nearestWorkingDay } from './calendar.ts';

const viaDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('calendar', () => {
  it('converts day numbers to dates and back as the UTC calendar does, leap years included', () => {
    // 0000-01-01 to 9999-12-31, the years ISO dates of four digits can hold.
    const mismatches: number[] = [];
    for (let day = -719_528; day <= 2_932_896; day += 97) {
      if (dateOfDay(day) !== viaDate(day) || dayNumber(viaDate(day)) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(daysBetween('2016-11-01', '2021-12-31')).toBe(1886);
  });

  it('moves weekend days to the nearest working day inside the window', () => {
    expect(isWeekend('2021-12-25')).toBe(true);
    expect(isWeekend('2021-12-27')).toBe(false);
    expect(nearestWorkingDay('2021-12-25', '2021-12-01', '2021-12-31')).toBe('2021-12-24');
    expect(nearestWorkingDay('2021-12-26', '2021-12-01', '2021-12-31')).toBe('2021-12-27');
    expect(nearestWorkingDay('2021-12-26', '2021-12-01', '2021-12-26')).toBe('2021-12-24');
    expect(nearestWorkingDay('2021-12-25', '2021-12-25', '2021-12-31')).toBe('2021-12-27');
    expect(nearestWorkingDay('2021-12-25', '2021-12-25', '2021-12-26')).toBe('2021-12-25');
    expect(nearestWorkingDay('2021-12-22', '2021-12-01', '2021-12-31')).toBe('2021-12-22');
  });
});
