import { describe, expect, test } from 'vitest';
import type { InteractionInput } from '../../domain/support/schemas.ts';
import { readableChanges } from '../history/readable-change.ts';
import { interactionDiff } from './interaction-diff.ts';

const base: InteractionInput = {
  engagementId: 'e',
  date: '2026-11-26',
  time: '10:00',
  durationMinutes: 60,
  mode: 'video',
  stageId: 'readiness',
  participants: { contactIds: [], counts: { team: 4 } },
  components: [{ componentId: 'coaching', minutes: 30, activityIds: ['observe', 'feedback'] }],
  principles: [{ principleId: 'equity', rating: 4 }],
  notes: 'mine',
  nextSteps: [],
};
const names = (id: string) =>
  ({ coaching: 'Coaching for performance', equity: 'Equity-advancing', readiness: 'Readiness' })[id];

describe('comparing two versions of an interaction', () => {
  test('every field is listed, readable, and the differing ones are marked', () => {
    const rows = interactionDiff(base, { ...base, notes: 'theirs', durationMinutes: 45 }, names);
    expect(rows.filter((row) => row.differs).map((row) => row.field)).toEqual(['durationMinutes', 'notes']);
    const components = rows.find((row) => row.field === 'components');
    expect(components?.yours).toBe('Coaching for performance 30 min (2 activities)');
    expect(rows.find((row) => row.field === 'principles')?.theirs).toBe('Equity-advancing (4/5)');
    expect(rows.find((row) => row.field === 'participants')?.yours).toBe('4 team');
    expect(rows.find((row) => row.field === 'stageId')).toMatchObject({ label: 'Stage', yours: 'Readiness' });
  });

  test('history changes read as before → after lines, without bookkeeping fields', () => {
    const lines = readableChanges({
      notes: ['old', 'new'],
      version: [1, 2],
      nextSteps: [[], [{ text: 'Call', owner: 'Pat', dueDate: '2026-12-01', done: false }]],
    });
    expect(lines).toEqual([
      { field: 'notes', label: 'Notes', before: 'old', after: 'new' },
      { field: 'nextSteps', label: 'Next steps', before: '—', after: 'Call — Pat, due 2026-12-01' },
    ]);
  });
});
