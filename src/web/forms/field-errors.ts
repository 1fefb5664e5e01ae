import type { z } from 'zod';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { fieldWords, plainMessage } from './plain-message.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  /** A message not tied to any field of the form, shown above the submit button. */
  form: string | null;
}

export const noFormErrors = <F extends string>(): FormErrors<F> => ({ fields: {}, form: null });

/** The field a server or schema path points to: `name`, `body.name` and `name.0` all name `name` when `name` is a field. */
function fieldOf<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const parts = path.split('.');
  return fields.find((field) => parts.includes(field));
}

function collect<F extends string>(
  issues: ReadonlyArray<{ path: string; message: string }>,
  fields: readonly F[],
): { matched: FieldErrors<F>; unmatched: string[] } {
  const matched: FieldErrors<F> = {};
  const unmatched: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path, fields);
    if (field === undefined) unmatched.push(unplacedMessage(issue.path, issue.message));
    else matched[field] ??= plainMessage(fieldWords(field), issue.message);
  }
  return { matched, unmatched };
}

/** A problem with no field on the form, as a sentence that still names what it is about. */
function unplacedMessage(path: string, message: string): string {
  if (!path) return plainMessage('form', message);
  const words = fieldWords(path);
  const sentence = plainMessage(words, message);
  return sentence.toLowerCase().includes(words)
    ? sentence
    : `${words.charAt(0).toUpperCase()}${words.slice(1)}: ${sentence}`;
}

/** Spreads a refusal from the API over the form: messages beside the fields it names, the rest above the button. */
export function formErrorsFromApi<F extends string>(error: unknown, fields: readonly F[]): FormErrors<F> {
  if (!isApiError(error)) return { fields: {}, form: errorMessageOf(error) };
  const { matched, unmatched } = collect(error.details, fields);
  const anyMatched = Object.keys(matched).length > 0;
  if (anyMatched && unmatched.length === 0) return { fields: matched, form: null };
  return { fields: matched, form: anyMatched ? unmatched.join(' ') : error.message };
}

/** Validates form values with the shared schema before they are sent, so most mistakes never reach the server. */
export function validateForm<S extends z.ZodType, F extends string>(
  schema: S,
  values: unknown,
  fields: readonly F[],
): { ok: true; data: z.infer<S> } | { ok: false; errors: FormErrors<F> } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const { matched, unmatched } = collect(issues, fields);
  return { ok: false, errors: { fields: matched, form: unmatched.length > 0 ? unmatched.join(' ') : null } };
}
