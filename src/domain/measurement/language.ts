import { z } from 'zod';

/**
 * Languages of instruments and of survey responses, as BCP 47 tags: a primary language subtag
 * (`en`, `es`, `pt`) with an optional region (`pt-BR`). Only languages the platform's language data
 * knows are accepted, so a typing slip such as `sp` is refused instead of stored.
 */

/** The language of an instrument that names none. */
export const defaultLanguage = 'en';

const shape = /^([a-z]{2,3})(-[A-Z]{2})?$/;

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether a tag is a well-formed language tag of a language that exists (`es`, `pt-BR`; not `xx` or `sp`). */
export function isKnownLanguage(tag: string): boolean {
  const match = shape.exec(tag);
  if (!match) return false;
  try {
    return names.of(match[1]!) !== undefined;
  } catch {
    return false;
  }
}

/** The message for a tag that is not a known language, for the field that holds it. */
export const unknownLanguageMessage = (tag: string): string =>
  shape.test(tag)
    ? `"${tag}" is not a known language code`
    : `"${tag}" is not a language code such as "en", "es" or "pt-BR"`;

export const LanguageCode = z
  .string()
  .max(20)
  .refine(isKnownLanguage, { error: (issue) => unknownLanguageMessage(String(issue.input)) });
export type LanguageCode = z.infer<typeof LanguageCode>;

/** A language's name in English, for staff pages: "Spanish", "Brazilian Portuguese"; the tag itself when unknown. */
export function languageName(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A language's own name for itself, capitalized as a menu shows it: "English", "Español". */
export function languageAutonym(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag);
  } catch {
    name = undefined;
  }
  if (!name) return tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/**
 * The language of `available` that best serves someone asking for `wanted`: the same tag, else the same
 * language in another region (`es-MX` is served by `es`, `es` by `es-MX`), else none.
 */
export function matchLanguage(wanted: string, available: readonly string[]): string | undefined {
  const lower = wanted.trim().toLowerCase();
  if (lower === '') return undefined;
  const exact = available.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split(/[-_]/)[0];
  return (
    available.find((tag) => tag.toLowerCase() === primary) ??
    available.find((tag) => tag.toLowerCase().split('-')[0] === primary)
  );
}

/**
 * The first of `wishes` the survey is offered in (each served as `matchLanguage` serves it), else the
 * survey's own language (the first offered). Empty wishes are passed over.
 */
export function firstOfferedLanguage(
  offered: readonly string[],
  wishes: readonly (string | null | undefined)[],
): string {
  for (const wanted of wishes) {
    const match = wanted ? matchLanguage(wanted, offered) : undefined;
    if (match) return match;
  }
  return offered[0] ?? defaultLanguage;
}

/**
 * The language a respondent first sees: the one chosen before (kept with the response), else the
 * link's `lang` parameter, else the first of the browser's languages that is offered, else the
 * survey's own language (the first offered). Each is taken only when the survey is offered in it.
 */
export function chooseLanguage(
  offered: readonly string[],
  wishes: { chosen?: string | null; query?: string | null; browser?: readonly string[] },
): string {
  return firstOfferedLanguage(offered, [wishes.chosen, wishes.query, ...(wishes.browser ?? [])]);
}
