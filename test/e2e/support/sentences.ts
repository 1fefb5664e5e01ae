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
/** Paragraphs hold sentences and also short names and figures; `readsAsSentence` says which are judged. */
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

/** A visible piece of text that may be a sentence, as the page shows it. */
export interface TextPiece {
  /** Its text, white space collapsed. */
  text: string;
  /** Inside one of the places that hold nothing but sentences (alerts, descriptions, empty states, notifications). */
  inSentencePlace: boolean;
  /** Set bold or medium (font weight 500 or more): a title or a label. */
  heavy: boolean;
  /** Its first word is set as code (`code`, `kbd`, `samp`, `pre`): a command, a file or an identifier. */
  beginsWithCode: boolean;
}

/**
 * Words written in lower case that begin a paragraph without beginning a sentence: the name of the
 * command (`praxis import …`) and units of measure written after a figure that stands apart
 * ("min in 3 interactions").
 */
const lowerCaseNames = new Set(['praxis', 'min', 'h', 'ms', 's']);

/**
 * Whether a piece of text is judged as a sentence. Every piece in a sentence place is. A paragraph
 * reads as a sentence when it has four words or more, a lower-case letter among them, is not heavy
 * and is not a line of parts joined by " · ", and it begins either with a capital, or with a word of
 * prose in lower case and has four words of letters (figures and dates do not count: "since 3 May
 * 2026" is a caption). A word of prose is lower-case letters alone (an apostrophe allowed; a trailing
 * `,`, `;` or `:` ignored), not set as code and not one of `lowerCaseNames`: so identifiers
 * (`record_id`, `eis-toc`, `contentHash`, `v1`), figures (`12 min`), code and the command's name are
 * not judged, and a paragraph of prose that begins in lower case is, and fails for its first letter.
 */
export function readsAsSentence(piece: TextPiece): boolean {
  if (piece.inSentencePlace) return true;
  const { text } = piece;
  const words = text.split(' ');
  if (words.length < 4 || !/\p{Ll}/u.test(text) || text.includes(' · ') || piece.heavy) return false;
  if (/^\p{Lu}/u.test(text)) return true;
  const firstWord = words[0]!.replace(/[,;:]$/u, '');
  const wordsOfLetters = words.filter((word) => /^\p{L}/u.test(word) && !/\d/u.test(word)).length;
  return (
    /^\p{Ll}[\p{Ll}'’]*$/u.test(firstWord) &&
    !piece.beginsWithCode &&
    !lowerCaseNames.has(firstWord) &&
    wordsOfLetters >= 4
  );
}

/** The visible text of the page as it is now that may be sentences, each piece from the innermost element that holds it. */
export async function textPiecesOf(page: Page): Promise<TextPiece[]> {
  return page.evaluate(
    ({ places, paragraphs, excluded }) => {
      const textOf = (element: HTMLElement) => element.innerText.replace(/\s+/g, ' ').trim();
      const firstTextOf = (element: HTMLElement): Node | null => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) =>
            (node.textContent ?? '').trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT,
        });
        return walker.nextNode();
      };
      const candidates = [...document.querySelectorAll<HTMLElement>([...places, paragraphs].join(','))];
      const pieces: TextPiece[] = [];
      for (const element of candidates) {
        if (element.closest(excluded.join(','))) continue;
        if (candidates.some((other) => other !== element && element.contains(other))) continue;
        if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const text = textOf(element);
        if (text.split(' ').length < 2) continue;
        const code = firstTextOf(element)?.parentElement?.closest('code, kbd, samp, pre');
        pieces.push({
          text,
          inSentencePlace: element.closest(places.join(',')) !== null,
          heavy: Number(getComputedStyle(element).fontWeight) >= 500,
          beginsWithCode: code != null && element.contains(code),
        });
      }
      return pieces;
    },
    { places: sentencePlaces, paragraphs, excluded: notSentenceAncestors },
  );
}

/** The visible sentences of the page as it is now. */
export async function sentencesOf(page: Page): Promise<string[]> {
  return [...new Set((await textPiecesOf(page)).filter(readsAsSentence).map((piece) => piece.text))];
}

/** The visible sentences of the page that do not begin with a capital or do not end with a stop. */
export async function unfinishedSentences(page: Page): Promise<string[]> {
  return (await sentencesOf(page)).filter((text) => !isFinishedSentence(text));
}
