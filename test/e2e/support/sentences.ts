import type { Page } from 'playwright-core';

/**
 * Where the app writes nothing but sentences: alerts, field descriptions (helper text), empty states
 * and notifications. Every piece of text there is judged.
 */
const sentencePlaces = [
  '[role="alert"]',
  '.mantine-Alert-message',
  '.mantine-InputWrapper-description',
  '.mantine-EmptyState-description',
  '.mantine-Notification-description',
];
/**
 * Paragraphs hold sentences and also short names and figures (a stage, "12 min in 3 interactions"); a
 * paragraph is judged when it reads as a sentence: it begins with a capital, has four words or more,
 * is not bold or medium (a title or a label), and is not a line of parts joined by " · ".
 */
const paragraphs = 'p';
/**
 * Headings, labels, buttons, links, table cells, navigation, breadcrumbs and chart text are names and figures, not
 * sentences; text people wrote into records (names, notes, next steps), marked `data-record-text`, is
 * theirs.
 */
const notSentenceAncestors = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'label',
  'legend',
  'button',
  'a',
  'td',
  'th',
  'svg',
  'nav',
  '.mantine-Breadcrumbs-root',
  '[role="tab"]',
  '.mantine-Badge-root',
  '[data-record-text]',
];

/**
 * The rule UI sentences follow: a sentence begins with a capital letter (or a digit, quote or
 * symbol: anything but a lower-case letter) and ends with `.`, `?`, `!`, `:` or `…`, before any
 * closing quote or bracket; a reference may end with its DOI or web address.
 */
export function isFinishedSentence(text: string): boolean {
  // A reference ends with its DOI or address, which a stop would break.
  const ends = /[.?!:…]["'”’)\]]*$/u.test(text) || /(doi:|https?:\/\/)\S+$/u.test(text);
  return !/^\p{Ll}/u.test(text) && ends;
}

/** The visible sentence-like text of the page as it is now, each piece from the innermost element that holds it. */
export async function sentencesOf(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ places, paragraphs, excluded }) => {
      const textOf = (element: HTMLElement) => element.innerText.replace(/\s+/g, ' ').trim();
      const readsAsSentence = (element: HTMLElement, text: string) =>
        /^\p{Lu}/u.test(text) &&
        /\p{Ll}/u.test(text) &&
        text.split(' ').length >= 4 &&
        !text.includes(' · ') &&
        Number(getComputedStyle(element).fontWeight) < 500;
      const candidates = [...document.querySelectorAll<HTMLElement>([...places, paragraphs].join(','))];
      const found = new Set<string>();
      for (const element of candidates) {
        if (element.closest(excluded.join(','))) continue;
        if (candidates.some((other) => other !== element && element.contains(other))) continue;
        if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const text = textOf(element);
        if (text.split(' ').length < 2) continue;
        if (element.closest(places.join(',')) !== null || readsAsSentence(element, text)) found.add(text);
      }
      return [...found];
    },
    { places: sentencePlaces, paragraphs, excluded: notSentenceAncestors },
  );
}

/** The visible sentences of the page that do not begin with a capital or do not end with a stop. */
export async function unfinishedSentences(page: Page): Promise<string[]> {
  return (await sentencesOf(page)).filter((text) => !isFinishedSentence(text));
}
