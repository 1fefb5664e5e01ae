import { useEffect } from 'react';
import type { RefObject } from 'react';

/** What a form marks as in error: fields (`aria-invalid`) and messages that belong to no single field. */
const inError = '[aria-invalid="true"], [data-form-error]';

/**
 * After a refused save, brings the first problem into view and puts the keyboard there, so the reason
 * is never out of sight (a date error at the top while the person is at the Save button at the bottom).
 * `errors` is the form's error state; each new non-empty state is one refusal.
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, errors: object): void {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const frame = requestAnimationFrame(() => {
      const target = form.current?.querySelector<HTMLElement>(inError);
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [errors, form]);
}
