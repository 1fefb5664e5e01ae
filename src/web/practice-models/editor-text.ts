import { stringify } from 'yaml';
import { detectModelFormat, parseModelText, type ModelTextFormat } from '../../model/format.ts';

/** The format of an imported file: its extension when it names one, otherwise what the text looks like. */
export function formatOfFile(fileName: string, text: string): ModelTextFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return detectModelFormat(text);
}

/** The same document in the other format, or undefined while the text does not parse. */
export function convertModelText(text: string, from: ModelTextFormat, to: ModelTextFormat): string | undefined {
  if (from === to) return text;
  const parsed = parseModelText(text, from);
  if (!parsed.ok) return undefined;
  return to === 'json'
    ? `${JSON.stringify(parsed.value, null, 2)}\n`
    : stringify(parsed.value, { lineWidth: 100, minContentWidth: 40 });
}
