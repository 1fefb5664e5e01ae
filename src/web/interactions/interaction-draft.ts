import type { InteractionFormValues } from './interaction-form.ts';

/**
 * Unsaved log-interaction forms kept in the browser's storage as the person types, so a reload or
 * a closed tab loses nothing. One draft per engagement for a new interaction, one per interaction
 * being edited.
 */

export interface InteractionDraft {
  savedAt: string;
  /** For an edit: the version the draft was based on. */
  baseVersion: number | null;
  values: InteractionFormValues;
}

const draftFormat = 1;
const prefix = 'praxis.draft.interaction';

export type DraftTarget = { orgId: string; engagementId: string } | { orgId: string; interactionId: string };

export function draftKey(target: DraftTarget): string {
  return 'interactionId' in target
    ? `${prefix}.${target.orgId}.edit.${target.interactionId}`
    : `${prefix}.${target.orgId}.new.${target.engagementId}`;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function saveDraft(
  storage: DraftStorage,
  key: string,
  values: InteractionFormValues,
  baseVersion: number | null,
  now: Date,
): void {
  try {
    storage.setItem(key, JSON.stringify({ format: draftFormat, savedAt: now.toISOString(), baseVersion, values }));
  } catch {
    // Storage full or disabled: the form still works, only without a safety copy.
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored draft, or null when there is none or it cannot be read (another format, hand-edited). */
export function loadDraft(storage: DraftStorage, key: string): InteractionDraft | null {
  let parsed: unknown;
  try {
    const text = storage.getItem(key);
    if (text === null) return null;
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.format !== draftFormat || typeof parsed.savedAt !== 'string') return null;
  const values = parsed.values;
  if (
    !isRecord(values) ||
    typeof values.date !== 'string' ||
    !isRecord(values.components) ||
    !isRecord(values.principles) ||
    !Array.isArray(values.nextSteps)
  ) {
    return null;
  }
  const baseVersion = typeof parsed.baseVersion === 'number' ? parsed.baseVersion : null;
  return { savedAt: parsed.savedAt, baseVersion, values: values as unknown as InteractionFormValues };
}

export function clearDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/** Whether the form differs from where it started; an untouched form is never kept as a draft. */
export const isChanged = (values: InteractionFormValues, initial: InteractionFormValues): boolean =>
  JSON.stringify(values) !== JSON.stringify(initial);

const lastModeKey = 'praxis.lastInteractionMode';
export const rememberMode = (storage: DraftStorage, mode: string): void => {
  try {
    storage.setItem(lastModeKey, mode);
  } catch {
    // Only a convenience.
  }
};
export const lastMode = (storage: DraftStorage): string | null => {
  try {
    return storage.getItem(lastModeKey);
  } catch {
    return null;
  }
};
