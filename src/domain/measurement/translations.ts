import type { ErrorDetail } from '../errors.ts';
import type { Instrument, Item, ItemTranslation } from './instrument.ts';
import { defaultLanguage, matchLanguage } from './language.ts';

/**
 * An instrument in the language a respondent reads: each word from the chosen translation when it has
 * one, else the instrument's own. Ids, values, ranges and scores are never translated, so an answer
 * means the same in every language and scores do not depend on it.
 */

/** The language an instrument's own words are written in. */
export const instrumentLanguage = (instrument: Pick<Instrument, 'language'>): string =>
  instrument.language ?? defaultLanguage;

/** The languages an instrument can be read in: its own first, then its translations. */
export const instrumentLanguages = (instrument: Pick<Instrument, 'language' | 'translations'>): string[] => [
  instrumentLanguage(instrument),
  ...Object.keys(instrument.translations ?? {}),
];

/** The languages a survey of several instruments is offered in: the first instrument's own language first, each once. */
export function surveyLanguages(instruments: readonly Pick<Instrument, 'language' | 'translations'>[]): string[] {
  const languages = new Set<string>();
  for (const instrument of instruments) for (const language of instrumentLanguages(instrument)) languages.add(language);
  if (languages.size === 0) languages.add(defaultLanguage);
  return [...languages];
}

const choicesOf = (item: Item) =>
  item.type === 'agreement'
    ? item.anchors
    : item.type === 'single-choice' || item.type === 'multiple-choice'
      ? item.choices
      : undefined;

function localizeItem(item: Item, translation: ItemTranslation | undefined): Item {
  if (!translation) return item;
  const labels = translation.labels ?? {};
  const relabel = <T extends { value: number; label: string }>(options: T[]) =>
    options.map((o) => ({ ...o, label: labels[String(o.value)] ?? o.label }));
  const words = {
    text: translation.text ?? item.text,
    ...(translation.section !== undefined || item.section !== undefined
      ? { section: translation.section ?? item.section }
      : {}),
  };
  switch (item.type) {
    case 'agreement':
      return { ...item, ...words, anchors: relabel(item.anchors) };
    case 'single-choice':
    case 'multiple-choice':
      return { ...item, ...words, choices: relabel(item.choices) };
    default:
      return { ...item, ...words };
  }
}

/**
 * The instrument as read in `language`: every translated word replaced, every missing one in the
 * instrument's own language. A language the instrument lacks (or its own) gives it back unchanged.
 * The result carries the language its words are in as `language`, and no translations.
 */
export function localizeInstrument(instrument: Instrument, language: string): Instrument {
  const own = instrumentLanguage(instrument);
  const tag = matchLanguage(language, instrumentLanguages(instrument)) ?? own;
  const { translations, ...rest } = instrument;
  const translation = tag === own ? undefined : translations?.[tag];
  if (!translation) return { ...rest, language: own };
  return {
    ...rest,
    language: tag,
    name: translation.name ?? instrument.name,
    description: translation.description ?? instrument.description,
    items: instrument.items.map((item) => localizeItem(item, translation.items?.[item.id])),
    blocks: instrument.blocks.map((block) => {
      const words = translation.blocks?.[block.id];
      if (!words) return block;
      return {
        ...block,
        text: words.text ?? block.text,
        ...(words.section !== undefined || block.section !== undefined
          ? { section: words.section ?? block.section }
          : {}),
      };
    }),
  };
}

/** Translations that name what the instrument does not have: its own language, a missing item, block or choice value. */
export function translationProblems(instrument: Instrument): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const own = instrumentLanguage(instrument);
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const blocks = new Set(instrument.blocks.map((block) => block.id));
  for (const [language, translation] of Object.entries(instrument.translations ?? {})) {
    const at = `translations.${language}`;
    if (language === own)
      problems.push({ path: at, message: `is the instrument's own language; a translation needs another one` });
    for (const [itemId, words] of Object.entries(translation.items ?? {})) {
      const item = items.get(itemId);
      if (!item) {
        problems.push({
          path: `${at}.items.${itemId}`,
          message: `names item "${itemId}", which the instrument does not have`,
        });
        continue;
      }
      const options = choicesOf(item);
      for (const value of Object.keys(words.labels ?? {})) {
        if (!options)
          problems.push({
            path: `${at}.items.${itemId}.labels`,
            message: `item "${itemId}" is ${item.type} and has no choices to label`,
          });
        else if (!options.some((o) => String(o.value) === value))
          problems.push({
            path: `${at}.items.${itemId}.labels.${value}`,
            message: `item "${itemId}" has no choice with value ${value}`,
          });
        if (!options) break;
      }
    }
    for (const blockId of Object.keys(translation.blocks ?? {}))
      if (!blocks.has(blockId))
        problems.push({
          path: `${at}.blocks.${blockId}`,
          message: `names text block "${blockId}", which the instrument does not have`,
        });
  }
  return problems;
}
