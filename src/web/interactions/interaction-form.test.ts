import { describe, expect, test } from 'vitest';
import type { Interaction } from '../../domain/support/schemas.ts';
import { InteractionInput } from '../../domain/support/schemas.ts';
import {
  componentMinutesTotal,
  formFromInteraction,
  interactionFormErrors,
  minutesOverDuration,
  newInteractionForm,
  orderedComponents,
  pathParts,
  toInteractionInput,
} from './interaction-form.ts';
import type { ModelSummary } from './interaction-form.ts';

const model: ModelSummary = {
  id: 'eis-toc',
  version: '1.0.0',
  name: 'EIS',
  stages: [{ id: 'readiness', name: 'Readiness', emphasizes: ['co-designing', 'relating'], exitCriteria: [] }],
  componentGroups: [{ id: 'foundational', name: 'foundational' }],
  components: [
    {
      id: 'relating',
      name: 'Relating',
      group: 'foundational',
      activities: [
        { id: 'agree-roles', label: 'Agree roles' },
        { id: 'check-in', label: 'Check in' },
      ],
    },
    { id: 'coaching', name: 'Coaching', group: 'foundational', activities: [{ id: 'observe', label: 'Observe' }] },
    {
      id: 'co-designing',
      name: 'Co-designing',
      group: 'foundational',
      activities: [{ id: 'set-goals', label: 'Set goals' }],
    },
  ],
  principles: [
    { id: 'strengths', name: 'Strengths-based' },
    { id: 'equity', name: 'Equity' },
  ],
};

describe('the log-interaction form', () => {
  test('a new form is dated today, at the quarter hour, in the current stage and the mode last used', () => {
    const form = newInteractionForm('readiness', new Date(2026, 10, 26, 14, 37), 'phone');
    expect(form).toMatchObject({
      date: '2026-11-26',
      time: '14:30',
      stageId: 'readiness',
      mode: 'phone',
      durationMinutes: 60,
    });
  });

  test('the stage’s emphasized components come first, in the stage’s order', () => {
    const { emphasized, others } = orderedComponents(model, 'readiness');
    expect(emphasized.map((c) => c.id)).toEqual(['co-designing', 'relating']);
    expect(others.map((c) => c.id)).toEqual(['coaching']);
  });

  test('maps to an InteractionInput in model order and back again', () => {
    const form = newInteractionForm('readiness', new Date(2026, 10, 26, 9, 0), null);
    form.components = {
      coaching: { minutes: 20, activityIds: ['observe'] },
      relating: { minutes: 15, activityIds: ['check-in', 'agree-roles'] },
    };
    form.principles = { equity: 4, strengths: null };
    form.counts = { team: 3, individual: '' };
    form.nextSteps = [{ text: 'Send the plan', owner: 'Pat', dueDate: '2026-12-01', done: false }];
    form.notes = '<b>not markup</b>';
    const input = toInteractionInput(form, 'eng-1', model);
    expect(InteractionInput.safeParse(input).success).toBe(true);
    expect(input.components).toEqual([
      { componentId: 'relating', minutes: 15, activityIds: ['agree-roles', 'check-in'] },
      { componentId: 'coaching', minutes: 20, activityIds: ['observe'] },
    ]);
    expect(input.principles).toEqual([
      { principleId: 'strengths', rating: null },
      { principleId: 'equity', rating: 4 },
    ]);
    expect(input.participants).toEqual({ contactIds: [], counts: { team: 3 } });
    expect(input.nextSteps[0]).toEqual({ text: 'Send the plan', owner: 'Pat', dueDate: '2026-12-01', done: false });

    const back = formFromInteraction({ ...input } as unknown as Interaction);
    expect(toInteractionInput(back, 'eng-1', model)).toEqual(input);
  });

  test('the running total counts typed minutes and says how far it is over the duration', () => {
    const form = newInteractionForm(null, new Date(), null);
    form.durationMinutes = 30;
    form.components = {
      relating: { minutes: 20, activityIds: [] },
      coaching: { minutes: '', activityIds: [] },
      'co-designing': { minutes: 15, activityIds: [] },
    };
    expect(componentMinutesTotal(form)).toBe(35);
    expect(minutesOverDuration(form)).toBe(5);
  });

  test('problems land on the component, activity, principle or next step the body held at that index', () => {
    const form = newInteractionForm(null, new Date(), null);
    form.components = {
      relating: { minutes: 10, activityIds: ['agree-roles', 'nope'] },
      coaching: { minutes: 5, activityIds: [] },
    };
    form.principles = { equity: null };
    form.nextSteps = [{ text: '', owner: '', dueDate: '', done: false }];
    const input = toInteractionInput(form, 'e', model);
    const errors = interactionFormErrors(
      [
        { path: 'components[0].activityIds[1]', message: 'unknown activity "nope"' },
        { path: 'body.components.1.minutes', message: 'must be at least 1 minute' },
        { path: 'principles[0].principleId', message: 'unknown principle' },
        { path: 'nextSteps.0.text', message: 'is required' },
        { path: 'durationMinutes', message: 'must be at most 1440 minutes' },
      ],
      input,
    );
    expect(errors).toEqual({
      'activity:relating:nope': 'Unknown activity "nope".',
      'component:relating': 'Unknown activity "nope".',
      'component:coaching': 'The minutes must be at least 1 minute.',
      'principle:equity': 'Unknown principle.',
      'nextSteps.0.text': 'Enter a next step.',
      durationMinutes: 'The duration must be at most 1440 minutes.',
    });
    expect(pathParts('body.components[1].activityIds[0]')).toEqual(['components', '1', 'activityIds', '0']);
  });
});
