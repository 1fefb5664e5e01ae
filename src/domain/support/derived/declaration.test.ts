import { describe, expect, it } from 'vitest';
import { keyOrder } from './declaration.ts';
import { componentMonthDose } from './engagement-tables.ts';

describe('keyOrder', () => {
  it('orders rows by their key columns in key order, text by code unit and numbers as numbers', () => {
    const row = (engagement: string, month: string, relationship: number, component: string) => ({
      engagement_id: engagement,
      calendar_month: month,
      relationship_month: relationship,
      component_id: component,
      interactions: 1,
      minutes: 60,
      activity_uses: 0,
    });
    const rows = [
      row('e2', '2020-01', 1, 'a'),
      row('e1', '2020-02', 10, 'a'),
      row('e1', '2020-02', 9, 'b'),
      row('e1', '2020-01', 1, 'b'),
      row('e1', '2020-01', 1, 'a'),
    ];
    expect(rows.sort(keyOrder(componentMonthDose)).map((r) => Object.values(r).slice(0, 4).join(' '))).toEqual([
      'e1 2020-01 1 a',
      'e1 2020-01 1 b',
      'e1 2020-02 9 b',
      'e1 2020-02 10 a',
      'e2 2020-01 1 a',
    ]);
  });
});
