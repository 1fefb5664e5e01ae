import { parse } from 'csv-parse/sync';
import { formatCsv, unguardFormula, type CsvCell } from '../csv.ts';
import type { ErrorDetail } from '../errors.ts';
import { redcapDictionaryColumns, redcapName } from '../support/redcap.ts';
import type { Anchor, Instrument, Item, ScoringRule } from './instrument.ts';
import { scaleRange } from './instrument.ts';
import { validateInstrument } from './validate-instrument.ts';

/**
 * Instruments as REDCap data dictionaries: one form; items as radio, checkbox, text and notes fields;
 * scores as calc fields `mean([a],[b],(6-[c]))`, reverse items written as (min + max − item). What REDCap
 * cannot say (Praxis ids, agreement scales, outcome mapping, minimum answered items, citation) travels in
 * Field Annotation as `@PRAXIS-…` tags, so a dictionary without that column (17 columns) still imports.
 */

export type ParsedInstrument = { ok: true; value: Instrument } | { ok: false; errors: ErrorDetail[] };

const annotationTag = (name: string, value?: string): string =>
  value === undefined ? `@PRAXIS-${name}` : `@PRAXIS-${name}=${value}`;

/** Choices written the REDCap way: `1, Label | 2, Label`. */
const choicesCell = (choices: readonly Anchor[]): string =>
  choices.map((c) => `${c.value}, ${c.label.replace(/\|/g, '/')}`).join(' | ');

/** The REDCap variable names of an instrument's fields: distinct, lowercase, in dictionary order. */
export function redcapFieldNames(instrument: Instrument): {
  about: string;
  items: Map<string, string>;
  scores: Map<string, string>;
} {
  const used = new Set<string>();
  const nameFor = (id: string, prefix = ''): string => {
    const base = `${prefix}${redcapName(id)}`;
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
  const about = nameFor(`${instrument.id}_about`);
  const items = new Map(instrument.items.map((item) => [item.id, nameFor(item.id)]));
  const scores = new Map(instrument.scores.map((score) => [score.id, nameFor(score.id, 'score_')]));
  return { about, items, scores };
}

/** The REDCap data dictionary (18 columns) of an instrument. */
export function formatRedcapDictionary(instrument: Instrument): string {
  const form = redcapName(instrument.id);
  const { about: aboutName, items: names, scores: scoreNames } = redcapFieldNames(instrument);
  const row = (cells: Partial<Record<(typeof redcapDictionaryColumns)[number], CsvCell>>): CsvCell[] =>
    redcapDictionaryColumns.map((c) => cells[c] ?? '');
  const rows: CsvCell[][] = [];
  const { items, scores, ...about } = instrument;
  rows.push(
    row({
      'Variable / Field Name': aboutName,
      'Form Name': form,
      'Field Type': 'descriptive',
      'Field Label': instrument.name,
      'Field Annotation': annotationTag('INSTRUMENT', JSON.stringify(about)),
    }),
  );
  for (const item of items) {
    const name = names.get(item.id)!;
    const tags = name === item.id ? [] : [annotationTag('ID', item.id)];
    const base = {
      'Variable / Field Name': name,
      'Form Name': form,
      'Field Label': item.text,
      'Required Field?': item.required ? 'y' : '',
    };
    switch (item.type) {
      case 'agreement':
        rows.push(
          row({
            ...base,
            'Field Type': 'radio',
            'Choices, Calculations, OR Slider Labels': choicesCell(item.anchors),
            'Field Annotation': [...tags, annotationTag('AGREEMENT')].join(' '),
          }),
        );
        break;
      case 'single-choice':
        rows.push(
          row({
            ...base,
            'Field Type': 'radio',
            'Choices, Calculations, OR Slider Labels': choicesCell(item.choices),
            'Field Annotation': tags.join(' '),
          }),
        );
        break;
      case 'multiple-choice':
        rows.push(
          row({
            ...base,
            'Field Type': 'checkbox',
            'Choices, Calculations, OR Slider Labels': choicesCell(item.choices),
            'Field Annotation': tags.join(' '),
          }),
        );
        break;
      case 'numeric':
        rows.push(
          row({
            ...base,
            'Field Type': 'text',
            'Text Validation Type OR Show Slider Number': item.integer ? 'integer' : 'number',
            // Numbers, so that a negative bound is written as it is and not guarded as text (`formatCsv`).
            'Text Validation Min': item.min,
            'Text Validation Max': item.max,
            'Field Annotation': tags.join(' '),
          }),
        );
        break;
      case 'free-text':
        rows.push(
          row({
            ...base,
            'Field Type': 'notes',
            'Field Annotation': [...tags, annotationTag('MAXLENGTH', String(item.maxLength))].join(' '),
          }),
        );
        break;
    }
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const score of scores) {
    const args = score.items.map((id) => {
      const range = byId.get(id) && scaleRange(byId.get(id)!);
      return score.reverse.includes(id) && range
        ? `(${range.min + range.max}-[${names.get(id)}])`
        : `[${names.get(id)}]`;
    });
    const tags = [annotationTag('SCORE', score.id)];
    if (score.minAnswered !== undefined) tags.push(annotationTag('MIN-ANSWERED', String(score.minAnswered)));
    if (score.outcomeId !== undefined) tags.push(annotationTag('OUTCOME', score.outcomeId));
    if (score.level !== undefined) tags.push(annotationTag('LEVEL', score.level));
    rows.push(
      row({
        'Variable / Field Name': scoreNames.get(score.id)!,
        'Form Name': form,
        'Field Type': 'calc',
        'Field Label': score.name,
        'Choices, Calculations, OR Slider Labels': `${score.method}(${args.join(',')})`,
        'Field Annotation': tags.join(' '),
      }),
    );
  }
  return formatCsv([[...redcapDictionaryColumns], ...rows], { recordDelimiter: 'windows' });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** A REDCap label as plain text: tags removed (their text kept), line-break tags as spaces, common entities decoded. */
export function plainLabel(label: string): string {
  return label
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return entities[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads the `@PRAXIS-NAME=value` tags of a Field Annotation (a bare tag maps to ''). */
function tagsOf(annotation: string): Map<string, string> {
  const tags = new Map<string, string>();
  const instrument = /@PRAXIS-INSTRUMENT=(\{.*\})\s*$/s.exec(annotation);
  if (instrument) tags.set('INSTRUMENT', instrument[1]!);
  const rest = instrument ? annotation.slice(0, instrument.index) : annotation;
  for (const match of rest.matchAll(/@PRAXIS-([A-Z-]+)(?:=(\S+))?/g)) tags.set(match[1]!, match[2] ?? '');
  return tags;
}

function parseChoices(cell: string, where: string, errors: ErrorDetail[]): Anchor[] {
  const choices: Anchor[] = [];
  for (const part of cell
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const comma = part.indexOf(',');
    const code = (comma === -1 ? part : part.slice(0, comma)).trim();
    const label = comma === -1 ? '' : plainLabel(part.slice(comma + 1));
    if (!/^-?\d+$/.test(code))
      errors.push({ path: where, message: `choice "${part}": the code must be a whole number` });
    else if (label === '') errors.push({ path: where, message: `choice "${part}": needs a label after the comma` });
    else choices.push({ value: Number(code), label });
  }
  if (choices.length === 0 && !errors.some((e) => e.path === where))
    errors.push({ path: where, message: 'lists no choices (expected "1, Label | 2, Label")' });
  return choices;
}

interface PendingScore {
  row: string;
  name: string;
  method: ScoringRule['method'];
  args: { field: string; reverse: boolean }[];
  tags: Map<string, string>;
}

function parseCalc(
  expression: string,
): { method: ScoringRule['method']; args: { field: string; reverse: boolean }[] } | undefined {
  const match = /^\s*(mean|sum)\s*\((.*)\)\s*$/is.exec(expression);
  if (!match) return undefined;
  const args: { field: string; reverse: boolean }[] = [];
  for (const arg of match[2]!.split(',').map((a) => a.trim())) {
    const plain = /^\[([a-z0-9_]+)\]$/i.exec(arg);
    const reversed = /^\(\s*\d+(?:\.\d+)?\s*-\s*\[([a-z0-9_]+)\]\s*\)$/i.exec(arg);
    if (plain) args.push({ field: plain[1]!, reverse: false });
    else if (reversed) args.push({ field: reversed[1]!, reverse: true });
    else return undefined;
  }
  return { method: match[1]!.toLowerCase() as ScoringRule['method'], args };
}

const numberOr = (cell: string): number | undefined =>
  cell.trim() === '' || !Number.isFinite(Number(cell)) ? undefined : Number(cell);

/**
 * Reads an instrument from a REDCap data dictionary (18 columns, or 17 without Field Annotation; quoted
 * commas, CRLF and HTML labels allowed). Problems are reported by row (the header is row 1) and column.
 */
export function parseRedcapDictionary(csv: string, defaults: { version?: string } = {}): ParsedInstrument {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      cast: unguardFormula,
    }) as string[][];
  } catch (error) {
    return { ok: false, errors: [{ path: 'file', message: `is not valid CSV: ${(error as Error).message}` }] };
  }
  const header = records[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const expected = redcapDictionaryColumns.map((c) => c.toLowerCase());
  const width = header.length;
  if ((width !== 18 && width !== 17) || expected.slice(0, width).some((c, i) => header[i] !== c)) {
    return {
      ok: false,
      errors: [
        {
          path: 'row 1',
          message: `is not a REDCap data dictionary header (expected the 18 standard columns, or the first 17 without Field Annotation; got ${width} columns)`,
        },
      ],
    };
  }
  const errors: ErrorDetail[] = [];
  const items: (Item & { row: string })[] = [];
  const fieldToItem = new Map<string, string>();
  const pending: PendingScore[] = [];
  let about: Record<string, unknown> = {};
  let form: string | undefined;

  records.slice(1).forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.length !== width) {
      errors.push({ path: `row ${rowNumber}`, message: `has ${cells.length} columns; the header has ${width}` });
      return;
    }
    const cell = (column: (typeof redcapDictionaryColumns)[number]) =>
      (cells[redcapDictionaryColumns.indexOf(column)] ?? '').trim();
    const field = cell('Variable / Field Name');
    const row = `row ${rowNumber} (${field || 'no name'})`;
    const type = cell('Field Type').toLowerCase();
    const formName = cell('Form Name');
    if (form === undefined) form = formName;
    else if (formName !== form)
      errors.push({
        path: `${row}: Form Name`,
        message: `is "${formName}"; the dictionary must hold one form ("${form}") — import one instrument at a time`,
      });
    if (!/^[a-z][a-z0-9_]*$/.test(field))
      errors.push({
        path: `${row}: Variable / Field Name`,
        message: 'must start with a lowercase letter and hold only lowercase letters, digits and underscores',
      });
    const tags = width === 18 ? tagsOf(cell('Field Annotation')) : new Map<string, string>();
    const id = tags.get('ID') || field;
    const text = plainLabel(cell('Field Label'));
    const required = cell('Required Field?').toLowerCase() === 'y';
    const choicesWhere = `${row}: Choices, Calculations, OR Slider Labels`;
    const base = { id, text, required, row };
    switch (type) {
      case 'descriptive':
        if (tags.has('INSTRUMENT')) {
          try {
            about = JSON.parse(tags.get('INSTRUMENT')!) as Record<string, unknown>;
          } catch {
            errors.push({ path: `${row}: Field Annotation`, message: '@PRAXIS-INSTRUMENT does not hold valid JSON' });
          }
        }
        return;
      case 'radio':
      case 'dropdown': {
        const choices = parseChoices(cell('Choices, Calculations, OR Slider Labels'), choicesWhere, errors);
        items.push(
          tags.has('AGREEMENT')
            ? { ...base, type: 'agreement', anchors: choices }
            : { ...base, type: 'single-choice', choices },
        );
        break;
      }
      case 'yesno':
        items.push({
          ...base,
          type: 'single-choice',
          choices: [
            { value: 0, label: 'No' },
            { value: 1, label: 'Yes' },
          ],
        });
        break;
      case 'truefalse':
        items.push({
          ...base,
          type: 'single-choice',
          choices: [
            { value: 0, label: 'False' },
            { value: 1, label: 'True' },
          ],
        });
        break;
      case 'checkbox':
        items.push({
          ...base,
          type: 'multiple-choice',
          choices: parseChoices(cell('Choices, Calculations, OR Slider Labels'), choicesWhere, errors),
        });
        break;
      case 'slider':
        items.push({
          ...base,
          type: 'numeric',
          min: numberOr(cell('Text Validation Min')) ?? 0,
          max: numberOr(cell('Text Validation Max')) ?? 100,
          integer: true,
        });
        break;
      case 'notes':
        items.push({ ...base, type: 'free-text', maxLength: numberOr(tags.get('MAXLENGTH') ?? '') ?? 2000 });
        break;
      case 'text': {
        const validation = cell('Text Validation Type OR Show Slider Number').toLowerCase();
        if (validation === 'integer' || validation.startsWith('number')) {
          const min = numberOr(cell('Text Validation Min'));
          const max = numberOr(cell('Text Validation Max'));
          if (min === undefined || max === undefined) {
            errors.push({
              path: `${row}: Text Validation Min`,
              message: 'a numeric field needs a Text Validation Min and Max (Praxis scores need a known range)',
            });
            return;
          }
          items.push({ ...base, type: 'numeric', min, max, integer: validation === 'integer' });
        } else items.push({ ...base, type: 'free-text', maxLength: 2000 });
        break;
      }
      case 'calc': {
        const parsed = parseCalc(cell('Choices, Calculations, OR Slider Labels'));
        if (!parsed)
          errors.push({
            path: choicesWhere,
            message:
              'only mean(...) or sum(...) of [fields], with (N-[field]) for reverse-scored items, can be read as a Praxis score',
          });
        else
          pending.push({
            row,
            name: text || field,
            method: parsed.method,
            args: parsed.args,
            tags: new Map([...tags, ['FIELD', field]]),
          });
        return;
      }
      default:
        errors.push({
          path: `${row}: Field Type`,
          message: `"${type}" is not supported (use text, notes, radio, dropdown, checkbox, yesno, truefalse, slider, calc or descriptive)`,
        });
        return;
    }
    fieldToItem.set(field, id);
  });

  const scores: (ScoringRule & { row: string })[] = pending.map((p) => {
    const itemsOf = p.args.map((a) => fieldToItem.get(a.field) ?? a.field);
    const minAnswered = numberOr(p.tags.get('MIN-ANSWERED') ?? '');
    const outcomeId = p.tags.get('OUTCOME');
    const level = p.tags.get('LEVEL');
    return {
      id: p.tags.get('SCORE') || p.tags.get('FIELD')!,
      name: p.name,
      method: p.method,
      items: itemsOf,
      reverse: p.args.filter((a) => a.reverse).map((a) => fieldToItem.get(a.field) ?? a.field),
      ...(minAnswered !== undefined ? { minAnswered } : {}),
      ...(outcomeId ? { outcomeId } : {}),
      ...(level ? { level: level as ScoringRule['level'] & string } : {}),
      row: p.row,
    };
  });
  if (items.length === 0 && errors.length === 0) errors.push({ path: 'file', message: 'holds no items' });
  if (errors.length > 0) return { ok: false, errors };

  const document = {
    version: defaults.version ?? '1.0.0',
    name: form ?? 'instrument',
    ...about,
    id: typeof about.id === 'string' ? about.id : (form ?? 'instrument').replace(/_/g, '-'),
    items: items.map(({ row: _row, ...item }) => item),
    scores: scores.map(({ row: _row, ...score }) => score),
  };
  const verdict = validateInstrument(document);
  if (verdict.valid) return { ok: true, value: verdict.instrument };
  // Point each problem at the dictionary row it came from.
  const located = verdict.errors.map((e) => {
    const match = /^(items|scores)\[(\d+)\]\.?(.*)$/.exec(e.path);
    const source = match ? (match[1] === 'items' ? items : scores)[Number(match[2])] : undefined;
    return source ? { path: `${source.row}${match![3] ? `: ${match![3]}` : ''}`, message: e.message } : e;
  });
  return { ok: false, errors: located };
}
