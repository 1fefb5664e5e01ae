import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormedInput } from '../../src/domain/support/interaction-table.ts';
import { InteractionInput } from '../../src/domain/support/schemas.ts';

/** Mostly a good value, sometimes a bad one: a draft is good often enough to compare both results. */
const choose = <T>(good: T[], bad: T[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

/** Drafts of the table reader's shape, with values both good and bad for the schema. */
const id = choose(['e-1', 'relating', 'x'.repeat(64), 'ünï'], ['', 'x'.repeat(65)]);
const draft = fc.record({
  engagementId: id,
  date: choose(['2020-02-03', '2020-02-29', '0050-01-01'], ['2021-02-29', '2020-13-01', '', '2020-2-3']),
  time: choose([null, '10:00', '23:59'], ['24:00', '9:00', '']),
  durationMinutes: choose([1, 90, 1440], [null, 0, 1441, 12.5]),
  mode: choose(['video', 'in-person', 'email'], ['carrier-pigeon', '']),
  stageId: choose([null, 'readiness-exploration'], ['', 'y'.repeat(65)]),
  principles: fc.array(fc.record({ principleId: id, rating: choose([null, 1, 5], [0, 6, 2.5]) }), { maxLength: 3 }),
  participants: fc.record({
    contactIds: choose([[] as string[]], [['c-1']]),
    counts: fc.dictionary(
      choose(['individual', 'team', 'organization', 'system'], ['crowd']),
      choose([0, 3, 100_000], [100_001, -1, 1.5]),
    ),
  }),
  notes: choose(['', 'notes', '  padded  ', ` ${'n'.repeat(20_000)} `], ['n'.repeat(20_001)]),
  components: fc.array(
    fc.record({
      componentId: id,
      minutes: choose([1, 20, 1440], [null, 0, 1441, 2.5]),
      activityIds: fc.array(id, { maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
});

describe('the well-formed shortcut of the table reader', () => {
  it('accepts a draft only when the schema does, and returns exactly what the schema returns', () => {
    let accepted = 0;
    fc.assert(
      fc.property(draft, (d) => {
        const fast = wellFormedInput(d);
        const parsed = InteractionInput.safeParse(d);
        if (fast === null) return;
        accepted += 1;
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes the shortcut for a typical good interaction', () => {
    const d = {
      engagementId: 'e-1',
      date: '2020-02-03',
      time: '10:00',
      durationMinutes: 90,
      mode: 'video',
      stageId: null,
      principles: [
        { principleId: 'relationship-centered', rating: 4 },
        { principleId: 'data-informed', rating: null },
      ],
      participants: { contactIds: [], counts: { individual: 3, team: 1 } },
      notes: 'Kick-off, roles agreed',
      components: [{ componentId: 'relating', minutes: 20, activityIds: ['agree-roles', 'check-in'] }],
    };
    expect(wellFormedInput(d)).toEqual(InteractionInput.parse(d));
  });
});
