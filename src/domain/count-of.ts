const pluralRules = new Intl.PluralRules('en');
const numberFormat = new Intl.NumberFormat('en');

/**
 * A count with its noun in the right form, "1 response", "2 responses", chosen by `Intl.PluralRules`.
 * `plural` is for nouns that do not take an "s" ("1 activity", "3 activities").
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${numberFormat.format(count)} ${pluralRules.select(count) === 'one' ? singular : plural}`;
}
