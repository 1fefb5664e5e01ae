import { useState } from 'react';
import { isApiError } from '../api/client.ts';
import { notifyDone, notifyFailure } from '../notify.ts';

interface VersionedEditOptions<I, R> {
  /** Saves the input over the given version; a stale version is refused with 409. */
  update: (input: I, version: number) => Promise<R>;
  /** Reads the version saved now, to compare with the refused edit. */
  fetchCurrent: () => Promise<R>;
  onSaved: (saved: R) => void | Promise<void>;
  /** Called when the person drops their edit for the saved version (e.g. to clear a draft). */
  onDropped?: () => void;
}

/**
 * Editing a versioned record: saves carry the version the edit started from; a stale save keeps the
 * edit and shows the saved version beside it, to keep one or the other.
 */
export function useVersionedEdit<I, R extends { version: number }>(
  loaded: R,
  { update, fetchCurrent, onSaved, onDropped }: VersionedEditOptions<I, R>,
) {
  const [base, setBase] = useState(loaded);
  /** Changes when the form must start again from `base`. */
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState<{ yours: I; current: R } | null>(null);
  const [pending, setPending] = useState(false);

  const attempt = async (input: I, version: number): Promise<boolean> => {
    setPending(true);
    try {
      const saved = await update(input, version);
      setConflict(null);
      await onSaved(saved);
      return true;
    } catch (error) {
      if (!isApiError(error) || error.status !== 409) throw error;
      setConflict({ yours: input, current: await fetchCurrent() });
      return false;
    } finally {
      setPending(false);
    }
  };

  return {
    base,
    formKey,
    conflict,
    pending,
    /** Resolves `true` when saved, `false` when a conflict is shown instead; throws any other refusal. */
    save: (input: I) => attempt(input, base.version),
    keepYours: () => {
      if (conflict)
        attempt(conflict.yours, conflict.current.version).catch((error: unknown) =>
          notifyFailure('Could not save your version', error),
        );
    },
    takeCurrent: () => {
      if (!conflict) return;
      onDropped?.();
      setBase(conflict.current);
      setFormKey((n) => n + 1);
      setConflict(null);
      notifyDone(`Showing the saved version ${conflict.current.version}; your changes were dropped.`);
    },
  };
}

/** The state and actions of an edit of a versioned record, as useVersionedEdit returns them. */
export type VersionedEdit<I, R extends { version: number }> = ReturnType<typeof useVersionedEdit<I, R>>;
