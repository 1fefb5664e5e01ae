/**
 * The text as a sentence of the UI: a first letter in lower case is raised, and a stop is added when it
 * ends without `.`, `?`, `!`, `:` or `…` (before any closing quote or bracket). Messages written for the
 * API or by a library ("interaction not found", "Failed to fetch") are shown this way.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const raised = `${trimmed.charAt(0).toLocaleUpperCase('en')}${trimmed.slice(1)}`;
  return /[.?!:…]["'”’)\]]*$/u.test(raised) ? raised : `${raised}.`;
}
