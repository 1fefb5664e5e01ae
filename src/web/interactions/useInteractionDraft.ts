import { useEffect, useState } from 'react';
import { clearDraft, isChanged, loadDraft, saveDraft } from './interaction-draft.ts';
import type { InteractionDraft } from './interaction-draft.ts';
import type { InteractionFormValues } from './interaction-form.ts';

/**
 * Form values that are copied to local storage as they change, and restored from it on the next
 * visit. Returns the restored draft (for a notice) and a way to discard it.
 */
export function useInteractionDraft(key: string, initial: InteractionFormValues, baseVersion: number | null) {
  const [restored, setRestored] = useState<InteractionDraft | null>(() => loadDraft(window.localStorage, key));
  const [values, setValues] = useState<InteractionFormValues>(() => restored?.values ?? initial);

  useEffect(() => {
    if (isChanged(values, initial)) saveDraft(window.localStorage, key, values, baseVersion, new Date());
    else clearDraft(window.localStorage, key);
  }, [values, initial, key, baseVersion]);

  const discard = () => {
    clearDraft(window.localStorage, key);
    setRestored(null);
    setValues(initial);
  };
  const forget = () => {
    clearDraft(window.localStorage, key);
    setRestored(null);
  };

  return { values, setValues, restored, discard, forget };
}
