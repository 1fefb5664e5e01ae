import { describe, expect, test } from 'vitest';
import { clearDraft, draftKey, isChanged, loadDraft, saveDraft } from './interaction-draft.ts';
import { newInteractionForm } from './interaction-form.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('interaction drafts', () => {
  test('one key per engagement for a new interaction and one per interaction being edited', () => {
    expect(draftKey({ orgId: 'o', engagementId: 'e' })).toBe('praxis.draft.interaction.o.new.e');
    expect(draftKey({ orgId: 'o', interactionId: 'i' })).toBe('praxis.draft.interaction.o.edit.i');
  });

  test('a saved draft comes back with its time and base version, and is gone once cleared', () => {
    const storage = memoryStorage();
    const values = newInteractionForm('stage', new Date(2026, 0, 2, 10, 0), 'video');
    values.notes = 'half written';
    saveDraft(storage, 'k', values, 3, new Date('2026-01-02T10:05:00Z'));
    expect(loadDraft(storage, 'k')).toEqual({ savedAt: '2026-01-02T10:05:00.000Z', baseVersion: 3, values });
    clearDraft(storage, 'k');
    expect(loadDraft(storage, 'k')).toBeNull();
  });

  test('an unreadable or foreign draft is ignored rather than breaking the form', () => {
    const storage = memoryStorage();
    storage.setItem('bad-json', '{');
    storage.setItem('other-format', JSON.stringify({ format: 99, savedAt: 'x', values: {} }));
    storage.setItem('no-values', JSON.stringify({ format: 1, savedAt: 'x', values: { date: 5 } }));
    expect(loadDraft(storage, 'bad-json')).toBeNull();
    expect(loadDraft(storage, 'other-format')).toBeNull();
    expect(loadDraft(storage, 'no-values')).toBeNull();
  });

  test('storage that refuses writes does not break saving a draft', () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => saveDraft(storage, 'k', newInteractionForm(null, new Date(), null), null, new Date())).not.toThrow();
  });

  test('only a changed form counts as a draft', () => {
    const initial = newInteractionForm(null, new Date(2026, 0, 1), null);
    expect(isChanged({ ...initial }, initial)).toBe(false);
    expect(isChanged({ ...initial, notes: 'x' }, initial)).toBe(true);
  });
});
