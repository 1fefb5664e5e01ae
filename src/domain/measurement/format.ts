import { stringify } from 'yaml';
import type { ErrorDetail } from '../errors.ts';
import { parseModelText } from '../../model/format.ts';
import { Instrument } from './instrument.ts';
import type { InstrumentFormat } from './formats.ts';
import { formatRedcapDictionary, parseRedcapDictionary } from './redcap-dictionary.ts';

export { instrumentFormats, type InstrumentFormat } from './formats.ts';

/** An instrument as JSON, YAML or a REDCap data dictionary (CSV). */
export function formatInstrument(instrument: Instrument, format: InstrumentFormat): string {
  if (format === 'redcap') return formatRedcapDictionary(instrument);
  const canonical = Instrument.parse(instrument);
  return format === 'json' ? `${JSON.stringify(canonical, null, 2)}\n` : stringify(canonical, { lineWidth: 100 });
}

/** Guesses the format of instrument text: REDCap when the first line is a data dictionary header, else JSON or YAML. */
export function detectInstrumentFormat(text: string): InstrumentFormat {
  const body = text.replace(/^\uFEFF/, '');
  if (/^"?Variable \/ Field Name"?,/i.test(body)) return 'redcap';
  return /^\s*[{[]/.test(body) ? 'json' : 'yaml';
}

/** Parses instrument text into a document still to be checked (REDCap dictionaries are checked here, row by row). */
export function parseInstrumentText(
  text: string,
  format: InstrumentFormat = detectInstrumentFormat(text),
): { ok: true; value: unknown } | { ok: false; errors: ErrorDetail[] } {
  if (format === 'redcap') return parseRedcapDictionary(text);
  const parsed = parseModelText(text, format);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, errors: parsed.issues };
}
