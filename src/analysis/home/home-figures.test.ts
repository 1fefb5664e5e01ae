import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, engagementCards, homeNextSteps, setupChecklist } from './home-figures.ts';

describe('home figures', () => {
  it('counts whole days across months, years and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('puts the engagements longest without contact first, never-contacted before all', () => {
    const cards = engagementCards(
      [
        { id: 'a', name: 'Alpha', partnerId: 'p', supportTeam: [], currentStageId: 's1', overdueNextSteps: 0 },
        { id: 'b', name: 'Beta', partnerId: 'p', supportTeam: [], currentStageId: null, overdueNextSteps: 0 },
        { id: 'c', name: 'Gamma', partnerId: 'q', supportTeam: [], currentStageId: 's2', overdueNextSteps: 0 },
      ],
      {
        partnerNames: new Map([['p', 'County']]),
        stageNames: (_e, stage) => (stage === 's1' ? 'Exploration' : undefined),
        lastContacts: new Map([
          ['a', '2026-12-01'],
          ['c', '2026-11-01'],
        ]),
        minutesThisMonth: new Map([['a', 45]]),
      },
      '2026-12-07',
    );
    expect(cards.map((c) => [c.id, c.daysSinceContact, c.minutesThisMonth])).toEqual([
      ['b', null, 0],
      ['c', 36, 0],
      ['a', 6, 45],
    ]);
    expect(cards[2]).toMatchObject({ partnerName: 'County', currentStageName: 'Exploration' });
    // A stage the model does not name shows by its id; a partner not found shows no name.
    expect(cards[1]).toMatchObject({ partnerName: '', currentStageName: 's2' });
  });

  it('puts engagements with an overdue next step before any without, then the longest without contact', () => {
    const facts = {
      partnerNames: new Map<string, string>(),
      stageNames: () => undefined,
      lastContacts: new Map([
        ['recent-overdue', '2026-12-06'],
        ['old-overdue', '2026-10-01'],
        ['old', '2026-09-01'],
      ]),
      minutesThisMonth: new Map<string, number>(),
    };
    const card = (id: string, overdueNextSteps: number) => ({
      id,
      name: id,
      partnerId: 'p',
      supportTeam: [],
      currentStageId: null,
      overdueNextSteps,
    });
    const cards = engagementCards(
      [card('never', 0), card('old', 0), card('recent-overdue', 1), card('old-overdue', 3)],
      facts,
      '2026-12-07',
    );
    expect(cards.map((c) => [c.id, c.overdueNextSteps])).toEqual([
      ['old-overdue', 3],
      ['recent-overdue', 1],
      ['never', 0],
      ['old', 0],
    ]);
  });

  it('marks next steps due before today as overdue, and leaves undated ones out', () => {
    const steps = homeNextSteps(
      [
        { interactionId: 'i', engagementId: 'e', text: 'yesterday', owner: 'A', dueDate: '2026-12-06' },
        { interactionId: 'i', engagementId: 'e', text: 'today', owner: 'A', dueDate: '2026-12-07' },
        { interactionId: 'i', engagementId: 'e', text: 'undated', owner: 'A', dueDate: null },
      ],
      new Map([['e', 'Engagement']]),
      '2026-12-07',
    );
    expect(steps.map((s) => [s.text, s.overdue, s.engagementName])).toEqual([
      ['yesterday', true, 'Engagement'],
      ['today', false, 'Engagement'],
    ]);
  });

  it('checks off setup steps only past their edge: a second member, a first partner and engagement', () => {
    expect(setupChecklist({ models: 0, members: 1, partners: 0, engagements: 0 }).map((s) => s.done)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(setupChecklist({ models: 1, members: 2, partners: 1, engagements: 1 }).map((s) => s.done)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});
