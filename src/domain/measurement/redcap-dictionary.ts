import { parse } from 'csv-parse/sync';
import { formatCsv, unguardFormula, verbatim, type CsvCell } from '../csv.ts';
import type { ErrorDetail } from '../errors.ts';
import { redcapDictionaryColumns, redcapName } from '../support/redcap.ts';
import canonicalize from 'canonicalize';
import {
  Item,
  scaleRange,
  type Anchor,
  type Instrument,
  type RedcapField,
  type ScoringRule,
  type TextBlock,
} from './instrument.ts';
import { decodeEntities } from './rich-text.ts';
import { validateInstrument } from './validate-instrument.ts';

/**
 * Instruments as REDCap data dictionaries: one form, led by the record identifier; text blocks as
 * descriptive fields; items as radio, checkbox, text and notes fields; scores as calc fields
 * `mean([a],[b],(6-[c]))`, reverse items written as (min + max − item). What REDCap cannot say (Praxis
 * ids, agreement scales, outcome mapping, minimum answered items, citation) travels in Field Annotation
 * as `@PRAXIS-…` tags — the instrument's own on the record identifier — so a dictionary without that
 * column (17 columns) still imports. A field read from REDCap keeps what Praxis does not act on.
 */

export type ParsedInstrument = { ok: true; value: Instrument } | { ok: false; errors: ErrorDetail[] };

type Column = (typeof redcapDictionaryColumns)[number];
type Cells = Record<Column, string>;

const annotationTag = (name: string, value?: string): string =>
  value === undefined ? `@PRAXIS-${name}` : `@PRAXIS-${name}=${value}`;

/** Choices written the REDCap way: `1, Label | 2, Label`. */
const choicesCell = (choices: readonly Anchor[]): string =>
  choices.map((c) => `${c.value}, ${c.label.replace(/\|/g, '/')}`).join(' | ');

/** The dictionary cells a field keeps as written (`RedcapField`); Form Name is the instrument's, and the annotation is kept apart. */
const keptColumns: readonly (readonly [Exclude<keyof RedcapField, 'fieldAnnotation'>, Column])[] = [
  ['fieldName', 'Variable / Field Name'],
  ['sectionHeader', 'Section Header'],
  ['fieldType', 'Field Type'],
  ['fieldLabel', 'Field Label'],
  ['choices', 'Choices, Calculations, OR Slider Labels'],
  ['fieldNote', 'Field Note'],
  ['validation', 'Text Validation Type OR Show Slider Number'],
  ['validationMin', 'Text Validation Min'],
  ['validationMax', 'Text Validation Max'],
  ['identifier', 'Identifier?'],
  ['branchingLogic', 'Branching Logic (Show field only if...)'],
  ['requiredField', 'Required Field?'],
  ['customAlignment', 'Custom Alignment'],
  ['questionNumber', 'Question Number (surveys only)'],
  ['matrixGroupName', 'Matrix Group Name'],
  ['matrixRanking', 'Matrix Ranking?'],
];
/** Cells that say what an item is: kept ones are written only while they still read back as the item. */
const meaningColumns: ReadonlySet<Column> = new Set<Column>([
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
]);

const blankCells = (): Cells => Object.fromEntries(redcapDictionaryColumns.map((c) => [c, ''])) as Cells;

/** What a field keeps: the cells of the dictionary (`source`) that differ from what Praxis writes (`written`), and the annotation's own part. */
function keptCells(source: Cells, written: Cells, annotationRest: string): RedcapField | undefined {
  const kept: RedcapField = {};
  for (const [key, column] of keptColumns) if (source[column] !== written[column]) kept[key] = source[column];
  if (annotationRest !== '') kept.fieldAnnotation = annotationRest;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The cells Praxis writes with the kept ones written over them (all, or only those that do not change the meaning). */
function withKept(written: Cells, kept: RedcapField | undefined, meaning: boolean): Cells {
  const cells = { ...written };
  for (const [key, column] of keptColumns) {
    const value = kept?.[key];
    if (value !== undefined && column !== 'Variable / Field Name' && (meaning || !meaningColumns.has(column)))
      cells[column] = value;
  }
  return cells;
}

/** A field's annotation: its own part as the dictionary wrote it, then Praxis's tags. */
const annotationOf = (kept: RedcapField | undefined, tags: readonly string[]): string =>
  [kept?.fieldAnnotation ?? '', ...tags].filter((part) => part !== '').join(' ');

/** The fields of a dictionary in order: the record identifier, then text blocks and items as the survey shows them; calc fields follow. */
function layoutOf(instrument: Instrument): ({ kind: 'block'; block: TextBlock } | { kind: 'item'; item: Item })[] {
  const layout: ({ kind: 'block'; block: TextBlock } | { kind: 'item'; item: Item })[] = [];
  for (const item of instrument.items) {
    for (const block of instrument.blocks) if (block.beforeItem === item.id) layout.push({ kind: 'block', block });
    layout.push({ kind: 'item', item });
  }
  for (const block of instrument.blocks) if (block.beforeItem === undefined) layout.push({ kind: 'block', block });
  return layout;
}

/** The REDCap variable names of an instrument's fields: distinct, lowercase, in dictionary order. */
export function redcapFieldNames(instrument: Instrument): {
  recordId: string;
  blocks: Map<string, string>;
  items: Map<string, string>;
  scores: Map<string, string>;
} {
  const used = new Set<string>();
  const nameFor = (base: string): string => {
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
  const kept = (field: RedcapField | undefined): string | undefined =>
    field?.fieldName !== undefined && /^[a-z][a-z0-9_]*$/.test(field.fieldName) ? field.fieldName : undefined;
  const recordId = nameFor(kept(instrument.redcapRecordId) ?? 'record_id');
  const blocks = new Map<string, string>();
  const items = new Map<string, string>();
  for (const entry of layoutOf(instrument)) {
    if (entry.kind === 'block') blocks.set(entry.block.id, nameFor(redcapName(entry.block.id)));
    else items.set(entry.item.id, nameFor(redcapName(entry.item.id)));
  }
  const scores = new Map(
    instrument.scores.map((score) => [score.id, nameFor(kept(score.redcap) ?? `score_${redcapName(score.id)}`)]),
  );
  return { recordId, blocks, items, scores };
}

/** The cells Praxis writes for an item (the annotation apart). */
function itemCells(item: Item, name: string, form: string): Cells {
  const cells: Cells = {
    ...blankCells(),
    'Variable / Field Name': name,
    'Form Name': form,
    'Section Header': item.section ?? '',
    'Field Label': item.text,
    'Required Field?': item.required ? 'y' : '',
  };
  switch (item.type) {
    case 'agreement':
      return { ...cells, 'Field Type': 'radio', 'Choices, Calculations, OR Slider Labels': choicesCell(item.anchors) };
    case 'single-choice':
      return { ...cells, 'Field Type': 'radio', 'Choices, Calculations, OR Slider Labels': choicesCell(item.choices) };
    case 'multiple-choice':
      return {
        ...cells,
        'Field Type': 'checkbox',
        'Choices, Calculations, OR Slider Labels': choicesCell(item.choices),
      };
    case 'numeric':
      return {
        ...cells,
        'Field Type': 'text',
        'Text Validation Type OR Show Slider Number': item.integer ? 'integer' : 'number',
        'Text Validation Min': String(item.min),
        'Text Validation Max': String(item.max),
      };
    case 'free-text':
      return { ...cells, 'Field Type': 'notes' };
  }
}

/** Praxis's tags on an item's annotation: what REDCap cannot say about it. */
function itemTags(item: Item, name: string): string[] {
  const tags = name === item.id ? [] : [annotationTag('ID', item.id)];
  if (item.type === 'agreement') tags.push(annotationTag('AGREEMENT'));
  if (item.type === 'free-text' && item.maxLength !== defaultMaxLength)
    tags.push(annotationTag('MAXLENGTH', String(item.maxLength)));
  return tags;
}

const blockCells = (block: TextBlock, name: string, form: string): Cells => ({
  ...blankCells(),
  'Variable / Field Name': name,
  'Form Name': form,
  'Section Header': block.section ?? '',
  'Field Type': 'descriptive',
  'Field Label': block.text,
});

const recordIdCells = (name: string, form: string): Cells => ({
  ...blankCells(),
  'Variable / Field Name': name,
  'Form Name': form,
  'Field Type': 'text',
  'Field Label': 'Record ID',
});

/** A score's calc expression, `mean([a],[b],(6-[c]))`: reverse items as (scale min + max − item). */
function calcExpression(score: ScoringRule, itemNames: ReadonlyMap<string, string>, items: readonly Item[]): string {
  const byId = new Map(items.map((i) => [i.id, i]));
  const args = score.items.map((id) => {
    const item = byId.get(id);
    const range = item && scaleRange(item);
    return score.reverse.includes(id) && range
      ? `(${range.min + range.max}-[${itemNames.get(id)}])`
      : `[${itemNames.get(id)}]`;
  });
  return `${score.method}(${args.join(',')})`;
}

const scoreCells = (score: ScoringRule, name: string, form: string, expression: string): Cells => ({
  ...blankCells(),
  'Variable / Field Name': name,
  'Form Name': form,
  'Field Type': 'calc',
  'Field Label': score.name,
  'Choices, Calculations, OR Slider Labels': expression,
});

function scoreTags(score: ScoringRule, name: string): string[] {
  const tags = name === score.id ? [] : [annotationTag('SCORE', score.id)];
  if (score.minAnswered !== undefined) tags.push(annotationTag('MIN-ANSWERED', String(score.minAnswered)));
  if (score.outcomeId !== undefined) tags.push(annotationTag('OUTCOME', score.outcomeId));
  if (score.level !== undefined) tags.push(annotationTag('LEVEL', score.level));
  return tags;
}

/** What the reader takes when the dictionary does not say it: the instrument's id and name from the form name, the schema's defaults. */
function derivedMetadata(form: string, version = '1.0.0'): Record<string, unknown> {
  return {
    id: form.replace(/_/g, '-'),
    name: form,
    version,
    description: '',
    citation: '',
    termsOfUse: '',
    provenance: 'operationalized',
    modelId: 'eis-toc',
  };
}

/**
 * The instrument's metadata (id, version, name, citation …) as an `@PRAXIS-INSTRUMENT` tag, or no tag
 * when the reader would derive all of it from the form name (a dictionary that came from REDCap).
 */
function metadataTags(instrument: Instrument, form: string): string[] {
  const { items: _items, blocks: _blocks, scores: _scores, redcapRecordId: _recordId, ...about } = instrument;
  const derived = derivedMetadata(form);
  const derivable = Object.entries(about).every(([key, value]) => canonicalize(value) === canonicalize(derived[key]));
  return derivable ? [] : [annotationTag('INSTRUMENT', JSON.stringify(about))];
}

/** Whether two items are the same question, apart from how a dictionary wrote them. */
const sameItem = (a: Item, b: Item): boolean =>
  canonicalize({ ...Item.parse(a), redcap: undefined }) === canonicalize({ ...Item.parse(b), redcap: undefined });

/**
 * The REDCap data dictionary (18 columns) of an instrument: the record identifier first (as REDCap
 * requires), carrying the instrument's metadata in its annotation; text blocks and items in survey
 * order; scores as calc fields. A field imported from REDCap is written as the dictionary wrote it.
 */
const numericColumns: ReadonlySet<string> = new Set(['Text Validation Min', 'Text Validation Max']);
/**
 * Cells REDCap's grammar starts with a formula character: action tags (`@HIDDEN`, `@PRAXIS-…`) and choice
 * lists whose first code is negative (`-1, Disagree | …`). Written as they are; anything else is guarded.
 */
const verbatimColumns: ReadonlyMap<string, RegExp> = new Map([
  ['Field Annotation', /^@[A-Z][A-Z0-9_-]*(?=$|[\s=(])/],
  ['Choices, Calculations, OR Slider Labels', /^-\d+(\.\d+)?\s*,/],
]);

export function formatRedcapDictionary(instrument: Instrument): string {
  const form = redcapName(instrument.id);
  const names = redcapFieldNames(instrument);
  const rows: Cells[] = [];
  const recordId = instrument.redcapRecordId;
  rows.push({
    ...withKept(recordIdCells(names.recordId, form), recordId, true),
    // REDCap's record identifier is a text field, whatever else it keeps.
    'Field Type': 'text',
    'Field Annotation': annotationOf(recordId, metadataTags(instrument, form)),
  });
  for (const entry of layoutOf(instrument)) {
    if (entry.kind === 'block') {
      const { block } = entry;
      const name = names.blocks.get(block.id)!;
      rows.push({
        ...withKept(blockCells(block, name, form), block.redcap, false),
        'Field Annotation': annotationOf(block.redcap, name === block.id ? [] : [annotationTag('ID', block.id)]),
      });
      continue;
    }
    const { item } = entry;
    const name = names.items.get(item.id)!;
    const written = itemCells(item, name, form);
    const annotation = annotationOf(item.redcap, itemTags(item, name));
    const asKept = { ...withKept(written, item.redcap, true), 'Field Annotation': annotation };
    const readBack = readField(asKept, 18, []);
    rows.push(
      readBack?.kind === 'item' && sameItem(readBack.item, item)
        ? asKept
        : { ...withKept(written, item.redcap, false), 'Field Annotation': annotation },
    );
  }
  for (const score of instrument.scores) {
    const name = names.scores.get(score.id)!;
    const expression = calcExpression(score, names.items, instrument.items);
    const written = scoreCells(score, name, form, expression);
    const annotation = annotationOf(score.redcap, scoreTags(score, name));
    const asKept = { ...withKept(written, score.redcap, true), 'Field Annotation': annotation };
    // A kept expression or label is written only while it reads as the same score.
    const calc = parseCalc(asKept['Choices, Calculations, OR Slider Labels']);
    const itemOf = new Map([...names.items].map(([id, field]) => [field, id]));
    const same =
      asKept['Field Type'] === 'calc' &&
      calc !== undefined &&
      calc.method === score.method &&
      canonicalize(calc.args.map((a) => [itemOf.get(a.field), a.reverse])) ===
        canonicalize(score.items.map((id) => [id, score.reverse.includes(id)])) &&
      (plainLabel(asKept['Field Label']) || name) === score.name;
    rows.push(same ? asKept : { ...withKept(written, score.redcap, false), 'Field Annotation': annotation });
  }
  // Bounds are numbers, so that a negative bound is written as it is and not guarded as text (`formatCsv`);
  // action tags and choice lists are written as REDCap reads them (docs/import-formats.md).
  const cellOf = (cells: Cells, column: (typeof redcapDictionaryColumns)[number]): CsvCell => {
    if (verbatimColumns.get(column)?.test(cells[column])) return verbatim(cells[column]);
    return numericColumns.has(column) && cells[column] !== '' && Number.isFinite(Number(cells[column]))
      ? Number(cells[column])
      : cells[column];
  };
  return formatCsv(
    [[...redcapDictionaryColumns], ...rows.map((cells) => redcapDictionaryColumns.map((c) => cellOf(cells, c)))],
    { recordDelimiter: 'windows' },
  );
}

/** A REDCap label as plain text: tags removed (their text kept), line-break tags as spaces, common entities decoded. */
export function plainLabel(label: string): string {
  return decodeEntities(label.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?[A-Za-z][^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Field Annotation split into Praxis's `@PRAXIS-NAME=value` tags (a bare tag maps to '') and the rest, as written. */
function annotationParts(annotation: string): { tags: Map<string, string>; rest: string } {
  const tags = new Map<string, string>();
  const instrument = /@PRAXIS-INSTRUMENT=(\{.*\})\s*$/s.exec(annotation);
  if (instrument) tags.set('INSTRUMENT', instrument[1]!);
  const before = instrument ? annotation.slice(0, instrument.index) : annotation;
  for (const match of before.matchAll(/@PRAXIS-([A-Z-]+)(?:=(\S+))?/g)) tags.set(match[1]!, match[2] ?? '');
  if (tags.size === 0) return { tags, rest: annotation };
  // Praxis writes its tags after the rest, one space apart.
  return { tags, rest: before.replace(/@PRAXIS-[A-Z-]+(?:=\S+)?/g, '').trim() };
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
  field: string;
  cells: Cells;
  annotationRest: string;
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

/** The length a free-text item allows when the dictionary does not say (REDCap's notes fields have none). */
const defaultMaxLength = 2000;

/** What one dictionary row is to Praxis. */
type Field =
  | { kind: 'item'; item: Item }
  | { kind: 'block'; block: TextBlock }
  | { kind: 'score'; score: PendingScore }
  | { kind: 'metadata'; about: Record<string, unknown> };

/**
 * Reads one row of a dictionary: an item, a text block (descriptive field), a score (calc field) or,
 * in dictionaries written by earlier Praxis versions, the instrument's metadata on a descriptive field.
 * Problems go to `errors`, at `row`; undefined when the row cannot be read.
 */
function readField(cells: Cells, width: 17 | 18, errors: ErrorDetail[], row = 'row'): Field | undefined {
  const cell = (column: Column) => cells[column];
  const field = cell('Variable / Field Name');
  const type = cell('Field Type').toLowerCase();
  const { tags, rest } = width === 18 ? annotationParts(cell('Field Annotation')) : { tags: new Map(), rest: '' };
  const id = tags.get('ID') || field;
  const text = plainLabel(cell('Field Label'));
  const required = cell('Required Field?').toLowerCase() === 'y';
  const section = cell('Section Header') === '' ? {} : { section: cell('Section Header') };
  const choicesWhere = `${row}: Choices, Calculations, OR Slider Labels`;
  const base = { id, text, required, ...section };
  let item: Item;
  switch (type) {
    case 'descriptive': {
      if (tags.has('INSTRUMENT')) {
        try {
          return { kind: 'metadata', about: JSON.parse(tags.get('INSTRUMENT')!) as Record<string, unknown> };
        } catch {
          errors.push({ path: `${row}: Field Annotation`, message: '@PRAXIS-INSTRUMENT does not hold valid JSON' });
          return undefined;
        }
      }
      const block: TextBlock = { id, text: cell('Field Label'), ...section };
      const redcap = keptCells(cells, blockCells(block, redcapName(id), cell('Form Name')), rest);
      return { kind: 'block', block: redcap ? { ...block, redcap } : block };
    }
    case 'radio':
    case 'dropdown': {
      const choices = parseChoices(cell('Choices, Calculations, OR Slider Labels'), choicesWhere, errors);
      item = tags.has('AGREEMENT')
        ? { ...base, type: 'agreement', anchors: choices }
        : { ...base, type: 'single-choice', choices };
      break;
    }
    case 'yesno':
      item = {
        ...base,
        type: 'single-choice',
        choices: [
          { value: 0, label: 'No' },
          { value: 1, label: 'Yes' },
        ],
      };
      break;
    case 'truefalse':
      item = {
        ...base,
        type: 'single-choice',
        choices: [
          { value: 0, label: 'False' },
          { value: 1, label: 'True' },
        ],
      };
      break;
    case 'checkbox':
      item = {
        ...base,
        type: 'multiple-choice',
        choices: parseChoices(cell('Choices, Calculations, OR Slider Labels'), choicesWhere, errors),
      };
      break;
    case 'slider':
      item = {
        ...base,
        type: 'numeric',
        min: numberOr(cell('Text Validation Min')) ?? 0,
        max: numberOr(cell('Text Validation Max')) ?? 100,
        integer: true,
      };
      break;
    case 'notes':
      item = { ...base, type: 'free-text', maxLength: numberOr(tags.get('MAXLENGTH') ?? '') ?? defaultMaxLength };
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
          return undefined;
        }
        item = { ...base, type: 'numeric', min, max, integer: validation === 'integer' };
      } else
        item = {
          ...base,
          type: 'free-text',
          maxLength: numberOr(tags.get('MAXLENGTH') ?? '') ?? defaultMaxLength,
        };
      break;
    }
    case 'calc': {
      const parsed = parseCalc(cell('Choices, Calculations, OR Slider Labels'));
      if (!parsed) {
        errors.push({
          path: choicesWhere,
          message:
            'only mean(...) or sum(...) of [fields], with (N-[field]) for reverse-scored items, can be read as a Praxis score',
        });
        return undefined;
      }
      return {
        kind: 'score',
        score: {
          row,
          name: text || field,
          method: parsed.method,
          args: parsed.args,
          tags,
          field,
          cells,
          annotationRest: rest,
        },
      };
    }
    default:
      errors.push({
        path: `${row}: Field Type`,
        message: `"${type}" is not supported (use text, notes, radio, dropdown, checkbox, yesno, truefalse, slider, calc or descriptive)`,
      });
      return undefined;
  }
  const redcap = keptCells(cells, itemCells(item, redcapName(id), cell('Form Name')), rest);
  return { kind: 'item', item: redcap ? { ...item, redcap } : item };
}

/**
 * Reads an instrument from a REDCap data dictionary (18 columns, or 17 without Field Annotation; quoted
 * commas, CRLF and HTML labels allowed). The first field, when a text field, is the record identifier
 * (REDCap's rule), not a question. Descriptive fields become text blocks, kept with their HTML. Every
 * cell Praxis does not act on is kept, so an export gives the same dictionary back. Problems are
 * reported by row (the header is row 1) and column.
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
  const blocks: (TextBlock & { row: string })[] = [];
  const fieldToItem = new Map<string, string>();
  const pending: PendingScore[] = [];
  let about: Record<string, unknown> = {};
  let recordId: RedcapField | undefined;
  let form: string | undefined;
  /** Blocks read since the last item: they are shown before the next one. */
  let waiting: (TextBlock & { row: string })[] = [];

  records.slice(1).forEach((values, index) => {
    const rowNumber = index + 2;
    if (values.length !== width) {
      errors.push({ path: `row ${rowNumber}`, message: `has ${values.length} columns; the header has ${width}` });
      return;
    }
    const cells = blankCells();
    redcapDictionaryColumns.slice(0, width).forEach((column, i) => (cells[column] = values[i]!.trim()));
    const field = cells['Variable / Field Name'];
    const row = `row ${rowNumber} (${field || 'no name'})`;
    const formName = cells['Form Name'];
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
    if (index === 0 && cells['Field Type'].toLowerCase() === 'text') {
      const { tags, rest } = width === 18 ? annotationParts(cells['Field Annotation']) : { tags: new Map(), rest: '' };
      recordId = keptCells(cells, recordIdCells('record_id', formName), rest);
      if (tags.has('INSTRUMENT')) {
        try {
          about = JSON.parse(tags.get('INSTRUMENT')!) as Record<string, unknown>;
        } catch {
          errors.push({ path: `${row}: Field Annotation`, message: '@PRAXIS-INSTRUMENT does not hold valid JSON' });
        }
      }
      return;
    }
    const read = readField(cells, width, errors, row);
    if (!read) return;
    switch (read.kind) {
      case 'metadata':
        about = read.about;
        return;
      case 'block':
        waiting.push({ ...read.block, row });
        blocks.push(waiting.at(-1)!);
        return;
      case 'score':
        pending.push(read.score);
        return;
      case 'item':
        for (const block of waiting) block.beforeItem = read.item.id;
        waiting = [];
        items.push({ ...read.item, row });
        fieldToItem.set(field, read.item.id);
    }
  });

  const itemNames = new Map([...fieldToItem].map(([field, id]) => [id, field]));
  const itemList = items.map(({ row: _row, ...item }) => item);
  const scores: (ScoringRule & { row: string })[] = pending.map((p) => {
    const itemsOf = p.args.map((a) => fieldToItem.get(a.field) ?? a.field);
    const minAnswered = numberOr(p.tags.get('MIN-ANSWERED') ?? '');
    const outcomeId = p.tags.get('OUTCOME');
    const level = p.tags.get('LEVEL');
    const score: ScoringRule = {
      id: p.tags.get('SCORE') || p.field,
      name: p.name,
      method: p.method,
      items: itemsOf,
      reverse: p.args.filter((a) => a.reverse).map((a) => fieldToItem.get(a.field) ?? a.field),
      ...(minAnswered !== undefined ? { minAnswered } : {}),
      ...(outcomeId ? { outcomeId } : {}),
      ...(level ? { level: level as ScoringRule['level'] & string } : {}),
    };
    const written = scoreCells(
      score,
      `score_${redcapName(score.id)}`,
      p.cells['Form Name'],
      calcExpression(score, itemNames, itemList),
    );
    const redcap = keptCells(p.cells, written, p.annotationRest);
    return { ...score, ...(redcap ? { redcap } : {}), row: p.row };
  });
  if (items.length === 0 && errors.length === 0) errors.push({ path: 'file', message: 'holds no items' });
  if (errors.length > 0) return { ok: false, errors };

  const derived = derivedMetadata(form ?? 'instrument', defaults.version);
  const document = {
    version: derived.version,
    name: derived.name,
    ...about,
    id: typeof about.id === 'string' ? about.id : derived.id,
    items: itemList,
    blocks: blocks.map(({ row: _row, ...block }) => block),
    scores: scores.map(({ row: _row, ...score }) => score),
    ...(recordId ? { redcapRecordId: recordId } : {}),
  };
  const verdict = validateInstrument(document);
  if (verdict.valid) return { ok: true, value: verdict.instrument };
  // Point each problem at the dictionary row it came from.
  const located = verdict.errors.map((e) => {
    const match = /^(items|blocks|scores)\[(\d+)\]\.?(.*)$/.exec(e.path);
    const source = match
      ? (match[1] === 'items' ? items : match[1] === 'blocks' ? blocks : scores)[Number(match[2])]
      : undefined;
    return source ? { path: `${source.row}${match![3] ? `: ${match![3]}` : ''}`, message: e.message } : e;
  });
  return { ok: false, errors: located };
}
