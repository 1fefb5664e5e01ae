import { isValid, parse } from 'date-fns';
import { z } from 'zod';
import { activitiesColumn, minutesColumn, type RowError } from './interaction-table.ts';
import { Id, interactionModes, levels, NextStep, RecordMeta, type InteractionMode, type Level } from './schemas.ts';

/**
 * Mapped imports (docs/import-mapping.md): a versioned mapping document says which columns of any table
 * (a Qualtrics export, a spreadsheet tracker) hold which Praxis fields, and how their values translate
 * ("Phone call" → `phone`). `SourceMapper` turns each source row into the cells of the native wide
 * layout (docs/import-formats.md), which the existing import then parses, checks and writes — so a mapped
 * import is the native import, with every problem named by the source's row and column.
 */

export const importMappingFormat = 'praxis-import-mapping';
export const importMappingVersion = 1;

/** A source column, named as in the file's (first) header row. */
const Column = z.string().min(1, 'must name a column').max(200);
/** Source value → meaning; keys are compared trimmed and without regard to case. */
const ValueMap = <T extends z.ZodType>(meaning: T) => z.record(z.string().max(500), meaning);
/** A practice activity of a component: `componentId/activityId`. */
const ActivityTarget = z.string().regex(/^[^/\s]{1,64}\/[^/\s]{1,64}$/, 'must be written componentId/activityId');

const Mode = z.enum(interactionModes);

/**
 * A date-fns pattern (`M/d/yyyy`, `yyyy-MM-dd HH:mm:ss`, `h:mm a`) of the letters a tracker's dates and
 * times need, separators and a quoted `'T'`; date-fns's other tokens (`YYYY`, `D` …) are easily meant otherwise.
 */
const DatePattern = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^(?:yyyy|yy|MMMM|MMM|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|aa|a|'T'|[ /.:,-])+$/,
    "is not a date pattern: use yyyy, yy, MMMM, MMM, MM, M, dd, d, HH, H, hh, h, mm, m, ss, s, a, 'T' and the separators / . : , - or a space (for example M/d/yyyy or h:mm a)",
  );

export const ActivitySource = z.union([
  /** A multi-select column (Qualtrics writes the chosen texts joined by commas) or delimited text. */
  z.strictObject({
    column: Column,
    delimiter: z.string().min(1).max(10).default(','),
    values: ValueMap(ActivityTarget),
  }),
  /** One column per activity: a cell that is not empty, `0`, `no` or `false` means it was used. */
  z.strictObject({ column: Column, activity: ActivityTarget }),
]);
export type ActivitySource = z.infer<typeof ActivitySource>;

export const PrincipleSource = z.union([
  /** One column per principle: a rating 1–5 (through `ratings` when words), or any mark when not rated. */
  z.strictObject({ column: Column, principle: Id, rated: z.boolean().default(false) }),
  /** A multi-select column of principles applied (no ratings). */
  z.strictObject({
    column: Column,
    delimiter: z.string().min(1).max(10).default(','),
    values: ValueMap(Id),
  }),
]);
export type PrincipleSource = z.infer<typeof PrincipleSource>;

export const ImportMapping = z.strictObject({
  format: z.literal(importMappingFormat),
  version: z.literal(importMappingVersion),
  name: z.string().trim().min(1).max(200),
  /** `qualtrics`: three header rows (ids, question text, ImportId); `table`: one; `auto`: told by the third row. */
  source: z.enum(['auto', 'qualtrics', 'table']).default('auto'),
  /** Only rows whose cell in `column` is one of `values` are interactions (Qualtrics: `Finished` = `True`). */
  include: z.strictObject({ column: Column, values: z.array(z.string()).min(1) }).optional(),
  engagement: z.strictObject({
    column: Column,
    /** `name`: the cell (after `names`) is matched against engagement names (or ids); `id`: it is an id. */
    by: z.enum(['name', 'id']).default('name'),
    /** Source value → engagement name or id. */
    names: ValueMap(z.string().trim().min(1).max(200)).default({}),
  }),
  date: z.strictObject({
    column: Column,
    /** date-fns pattern of the cells, e.g. `M/d/yyyy` or `yyyy-MM-dd HH:mm:ss`. */
    format: DatePattern.default('yyyy-MM-dd'),
    /** Take the time of day from this cell too (its format holds one). */
    withTime: z.boolean().default(false),
  }),
  time: z.strictObject({ column: Column, format: DatePattern.default('HH:mm') }).optional(),
  duration: z.union([
    z.strictObject({
      column: Column,
      unit: z.enum(['minutes', 'hours']).default('minutes'),
      values: ValueMap(z.number().int().min(1).max(1440)).default({}),
    }),
    /** No duration column: the minutes of the components summed. */
    z.strictObject({ fromComponents: z.literal(true) }),
  ]),
  mode: z.union([
    z.strictObject({ column: Column, values: ValueMap(Mode).default({}) }),
    z.strictObject({ value: Mode }),
  ]),
  stage: z.strictObject({ column: Column, values: ValueMap(Id).default({}) }).optional(),
  components: z
    .strictObject({
      /** Minutes per component, one column each: componentId → column. */
      columns: z.record(Id, Column).default({}),
      /** A component column and a minutes column (as many pairs as the source has). */
      pairs: z.array(z.strictObject({ component: Column, minutes: Column })).default([]),
      /** Component column value → component id. */
      values: ValueMap(Id).default({}),
    })
    .default({ columns: {}, pairs: [], values: {} }),
  activities: z.array(ActivitySource).default([]),
  principles: z.array(PrincipleSource).default([]),
  /** Words of rating cells → 1–5 ("Strongly agree" → 5). */
  ratings: ValueMap(z.number().int().min(1).max(5)).default({}),
  participants: z.partialRecord(z.enum(levels), Column).default({}),
  /** Columns joined, each non-empty cell a paragraph. */
  notes: z.array(Column).default([]),
  /** Each line (or `delimiter`-separated part) of the cell is a next step. */
  nextSteps: z.strictObject({ column: Column, delimiter: z.string().min(1).max(10).default('\n') }).optional(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;
export type ImportMappingInput = z.input<typeof ImportMapping>;

/** The header a source file was read with. */
export interface SourceHeader {
  kind: 'qualtrics' | 'table';
  /** Column names (Qualtrics: the column ids of row 1). */
  columns: string[];
  /** Qualtrics: the question text of each column (row 2). */
  questions: string[];
  /** Rows that belong to the header (1 or 3). */
  headerRows: number;
}

const isImportIdCell = (cell: string): boolean => /^\s*\{\s*"ImportId"\s*:/.test(cell);

/** Whether the rows after the first are Qualtrics' question text and ImportId rows. */
export function isQualtricsHeader(rows: readonly (readonly string[])[]): boolean {
  const third = rows[2];
  if (!third) return false;
  const filled = third.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.every(isImportIdCell);
}

/**
 * Reads the header of a source from its first rows (up to three): Qualtrics when told so or when the
 * third row is Qualtrics' ImportId row. Refuses a column name given twice, naming it.
 */
export function readSourceHeader(
  rows: readonly { cells: readonly string[]; row: number }[],
  source: ImportMapping['source'],
): { header: SourceHeader } | { errors: RowError[] } {
  const first = rows[0];
  if (!first) return { errors: [{ row: 1, column: '', message: 'the file is empty; expected a header row' }] };
  const qualtrics = source === 'qualtrics' || (source === 'auto' && isQualtricsHeader(rows.map((r) => r.cells)));
  if (qualtrics && !isQualtricsHeader(rows.map((r) => r.cells)))
    return {
      errors: [
        {
          row: rows[2]?.row ?? 3,
          column: '',
          message: 'is not a Qualtrics export: the third row should hold {"ImportId": …} cells',
        },
      ],
    };
  const columns = first.cells.map((c) => c.trim());
  while (columns.length > 0 && columns.at(-1) === '') columns.pop();
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === '') continue;
    if (seen.has(name)) errors.push({ row: first.row, column: name, message: 'appears more than once in the header' });
    seen.add(name);
  }
  if (columns.length === 0) errors.push({ row: first.row, column: '', message: 'the header row is empty' });
  if (errors.length > 0) return { errors };
  const questions = qualtrics ? columns.map((_, i) => (rows[1]!.cells[i] ?? '').trim()) : [];
  return { header: { kind: qualtrics ? 'qualtrics' : 'table', columns, questions, headerRows: qualtrics ? 3 : 1 } };
}

/** An engagement as a mapping matches names against. */
export interface NamedEngagement {
  id: string;
  name: string;
}

const key = (value: string): string => value.trim().toLowerCase();

/** A value map with keys compared trimmed and case-insensitively. */
class Lookup<T> {
  private readonly map = new Map<string, T>();
  constructor(entries: Record<string, T>) {
    for (const [k, v] of Object.entries(entries)) this.map.set(key(k), v);
  }
  get(value: string): T | undefined {
    return this.map.get(key(value));
  }
  has(value: string): boolean {
    return this.map.has(key(value));
  }
}

/** The native wide columns a mapped row is turned into, in this order. */
const nativeColumns = [
  'engagement_id',
  'date',
  'time',
  'duration_minutes',
  'mode',
  'stage_id',
  'principle_ids',
  'participant_counts',
  'notes',
] as const;
type NativeColumn = (typeof nativeColumns)[number];

/** One source row mapped: the native wide cells, its next steps, and its problems in source terms. */
export interface MappedRow {
  /** False when `include` leaves the row out. */
  included: boolean;
  cells: string[];
  nextSteps: NextStep[];
  errors: RowError[];
  /** Native columns the mapping could not fill because of those problems (the native reader's own complaints about them are dropped). */
  refused: string[];
}

const unchecked = new Set(['', '0', 'no', 'false', 'n']);
const splitOn = (cell: string, delimiter: string): string[] =>
  cell
    .split(delimiter)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Splits a multi-select cell into the known choices: Qualtrics joins chosen texts with commas, and a
 * choice text may hold a comma itself, so parts are joined back while they form a known text.
 */
export function splitChoices(cell: string, delimiter: string, known: { has(value: string): boolean }): string[] {
  const trimmed = cell.trim();
  if (trimmed === '') return [];
  if (known.has(trimmed)) return [trimmed];
  const parts = cell.split(delimiter);
  const choices: string[] = [];
  let i = 0;
  while (i < parts.length) {
    // The longest run of parts from i that is a known text; else the part alone (reported as unmapped).
    let taken = 1;
    for (let j = parts.length; j > i + 1; j--) {
      if (known.has(parts.slice(i, j).join(delimiter))) {
        taken = j - i;
        break;
      }
    }
    const choice = parts
      .slice(i, i + taken)
      .join(delimiter)
      .trim();
    if (choice !== '') choices.push(choice);
    i += taken;
  }
  return choices;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const referenceDate = new Date(2000, 0, 1);
const isoPatterns: Record<string, RegExp> = {
  'yyyy-MM-dd': /^(\d{4})-(\d{2})-(\d{2})$/,
  'yyyy-MM-dd HH:mm': /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/,
  'yyyy-MM-dd HH:mm:ss': /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/,
};

/** Reads a date (and time) cell by a date-fns pattern; null when the pattern cannot read it. */
export function parseDateCell(cell: string, format: string): { date: string; time: string } | null {
  // The common ISO patterns without date-fns (several times faster on a file of 100,000 rows), same result.
  const iso = isoPatterns[format];
  if (iso) {
    const m = iso.exec(cell);
    if (!m) return null;
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    const calendar = probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
    if (!calendar || h > 23 || mi > 59 || s > 59) return null;
    return { date: `${m[1]}-${m[2]}-${m[3]}`, time: `${pad2(h)}:${pad2(mi)}` };
  }
  let parsed: Date;
  try {
    parsed = parse(cell, format, referenceDate);
  } catch {
    return null;
  }
  if (!isValid(parsed)) return null;
  const year = parsed.getFullYear();
  if (year < 1000 || year > 9999) return null;
  return {
    date: `${year}-${pad2(parsed.getMonth() + 1)}-${pad2(parsed.getDate())}`,
    time: `${pad2(parsed.getHours())}:${pad2(parsed.getMinutes())}`,
  };
}

const quoted = (value: string): string => `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;

/**
 * Turns source rows into native wide rows by a mapping. Built once per file (`compileMapping`), after
 * the header; `map` is then called for every data row. `sourceColumn` names, for a native column, the
 * source column the last mapped row took it from, so problems the native import finds are reported at
 * the source's column.
 */
export class SourceMapper {
  /** Native wide header the mapped cells follow. */
  readonly nativeHeader: string[];
  private readonly index: Map<string, number>;
  private readonly lastSources = new Map<string, string>();
  private readonly staticSources = new Map<string, string>();
  private readonly componentIds: string[];
  private readonly modes: Lookup<InteractionMode>;
  private readonly stages: Lookup<string>;
  private readonly componentValues: Lookup<string>;
  private readonly ratings: Lookup<number>;
  private readonly durations: Lookup<number>;
  private readonly engagementNames: Lookup<string>;
  private readonly engagementsByName = new Map<string, string[]>();
  private readonly engagementIds = new Set<string>();
  private readonly activityLookups: (Lookup<string> | null)[];
  private readonly principleLookups: (Lookup<string> | null)[];
  private readonly includeValues: Set<string> | null;
  /** Dates and times read so far, by pattern and cell: a tracker repeats them (days, quarter hours) thousands of times. */
  private readonly readDates = new Map<string, { date: string; time: string } | null>();

  constructor(
    readonly mapping: ImportMapping,
    readonly header: SourceHeader,
    engagements: readonly NamedEngagement[],
  ) {
    this.index = new Map(header.columns.map((name, i) => [name, i] as const).filter(([name]) => name !== ''));
    const components = new Set<string>(Object.keys(mapping.components.columns));
    for (const target of Object.values(mapping.components.values)) components.add(target);
    for (const source of mapping.activities) {
      if ('activity' in source) components.add(source.activity.split('/')[0]!);
      else for (const target of Object.values(source.values)) components.add(target.split('/')[0]!);
    }
    this.componentIds = [...components];
    this.nativeHeader = [
      ...nativeColumns,
      ...this.componentIds.flatMap((id) => [minutesColumn(id), activitiesColumn(id)]),
    ];
    this.modes = new Lookup('values' in mapping.mode ? mapping.mode.values : {});
    this.stages = new Lookup(mapping.stage?.values ?? {});
    this.componentValues = new Lookup(mapping.components.values);
    this.ratings = new Lookup(mapping.ratings);
    this.durations = new Lookup('values' in mapping.duration ? mapping.duration.values : {});
    this.engagementNames = new Lookup(mapping.engagement.names);
    for (const engagement of engagements) {
      this.engagementIds.add(engagement.id);
      const ids = this.engagementsByName.get(key(engagement.name)) ?? [];
      ids.push(engagement.id);
      this.engagementsByName.set(key(engagement.name), ids);
    }
    this.activityLookups = mapping.activities.map((s) => ('values' in s ? new Lookup(s.values) : null));
    this.principleLookups = mapping.principles.map((s) => ('values' in s ? new Lookup(s.values) : null));
    this.includeValues = mapping.include ? new Set(mapping.include.values.map(key)) : null;
    // Where each native column comes from when no row says otherwise.
    const set = (native: string, column: string | undefined) => column && this.staticSources.set(native, column);
    set('engagement_id', mapping.engagement.column);
    set('date', mapping.date.column);
    set('time', mapping.time?.column ?? (mapping.date.withTime ? mapping.date.column : undefined));
    set('duration_minutes', 'column' in mapping.duration ? mapping.duration.column : undefined);
    set('mode', 'column' in mapping.mode ? mapping.mode.column : undefined);
    set('stage_id', mapping.stage?.column);
    set('principle_ids', mapping.principles[0]?.column);
    set('participant_counts', Object.values(mapping.participants)[0]);
    set('notes', mapping.notes[0]);
    for (const [componentId, column] of Object.entries(mapping.components.columns))
      set(minutesColumn(componentId), column);
  }

  /** The columns the mapping names that the header does not have (each reported at the header row). */
  missingColumns(): RowError[] {
    const named = new Set<string>();
    const m = this.mapping;
    const add = (column: string | undefined) => column && named.add(column);
    add(m.include?.column);
    add(m.engagement.column);
    add(m.date.column);
    add(m.time?.column);
    if ('column' in m.duration) add(m.duration.column);
    if ('column' in m.mode) add(m.mode.column);
    add(m.stage?.column);
    Object.values(m.components.columns).forEach(add);
    m.components.pairs.forEach((p) => (add(p.component), add(p.minutes)));
    m.activities.forEach((a) => add(a.column));
    m.principles.forEach((p) => add(p.column));
    Object.values(m.participants).forEach(add);
    m.notes.forEach(add);
    add(m.nextSteps?.column);
    return [...named]
      .filter((column) => !this.index.has(column))
      .map((column) => ({ row: 1, column, message: 'is named by the mapping but is not a column of the file' }));
  }

  /** The source column a native column of the last row came from (the native name when none). */
  sourceColumn(native: string): string {
    return this.lastSources.get(native) ?? this.staticSources.get(native) ?? native;
  }

  /** `parseDateCell`, remembered (bounded, so a file of distinct timestamps keeps no more than 10,000). */
  private readDate(cell: string, format: string): { date: string; time: string } | null {
    const key = `${format}\u0000${cell}`;
    const known = this.readDates.get(key);
    if (known !== undefined) return known;
    if (this.readDates.size >= 10_000) this.readDates.clear();
    const read = parseDateCell(cell, format);
    this.readDates.set(key, read);
    return read;
  }

  /** Maps one data row. */
  map(cells: readonly string[], row: number): MappedRow {
    const m = this.mapping;
    const get = (column: string): string => {
      const i = this.index.get(column);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const errors: RowError[] = [];
    const refused: string[] = [];
    const problem = (column: string, message: string, native = '') => {
      errors.push({ row, column, message });
      refused.push(native);
    };
    this.lastSources.clear();
    if (this.includeValues && !this.includeValues.has(key(get(m.include!.column))))
      return { included: false, cells: [], nextSteps: [], errors, refused };

    const native: Record<NativeColumn, string> = {
      engagement_id: '',
      date: '',
      time: '',
      duration_minutes: '',
      mode: '',
      stage_id: '',
      principle_ids: '',
      participant_counts: '',
      notes: '',
    };

    // Engagement.
    const engagementCell = get(m.engagement.column);
    if (engagementCell === '') problem(m.engagement.column, 'is required (the engagement)', 'engagement_id');
    else {
      const target = this.engagementNames.get(engagementCell) ?? engagementCell;
      if (m.engagement.by === 'id') native.engagement_id = target;
      else if (this.engagementIds.has(target)) native.engagement_id = target;
      else {
        const ids = this.engagementsByName.get(key(target)) ?? [];
        if (ids.length === 1) native.engagement_id = ids[0]!;
        else if (ids.length === 0)
          problem(
            m.engagement.column,
            `${quoted(engagementCell)} matches no engagement of this organization`,
            'engagement_id',
          );
        else
          problem(
            m.engagement.column,
            `${quoted(engagementCell)} matches ${ids.length} engagements (${ids.join(', ')}); map it to one id in the engagement table`,
            'engagement_id',
          );
      }
    }

    // Date and time.
    const dateCell = get(m.date.column);
    if (dateCell === '') problem(m.date.column, 'is required (the date)', 'date');
    else {
      const parsed = this.readDate(dateCell, m.date.format);
      if (!parsed)
        problem(m.date.column, `${quoted(dateCell)} cannot be read as a date in the format ${m.date.format}`, 'date');
      else {
        native.date = parsed.date;
        if (m.date.withTime) native.time = parsed.time;
      }
    }
    if (m.time) {
      const timeCell = get(m.time.column);
      if (timeCell !== '') {
        const parsed = this.readDate(timeCell, m.time.format);
        if (!parsed)
          problem(m.time.column, `${quoted(timeCell)} cannot be read as a time in the format ${m.time.format}`, 'time');
        else native.time = parsed.time;
      }
    }

    // Components and their minutes.
    const minutes = new Map<string, string>();
    let minutesTotal = 0;
    let minutesReadable = true;
    const addMinutes = (componentId: string, cell: string, column: string) => {
      if (cell === '' || cell === '0') return;
      const value = Number(cell);
      if (!Number.isInteger(value) || value < 0) {
        problem(column, `${quoted(cell)} is not a whole number of minutes`, minutesColumn(componentId));
        minutesReadable = false;
        return;
      }
      const before = Number(minutes.get(componentId) ?? 0);
      minutes.set(componentId, String(before + value));
      minutesTotal += value;
      this.lastSources.set(minutesColumn(componentId), column);
    };
    for (const [componentId, column] of Object.entries(m.components.columns))
      addMinutes(componentId, get(column), column);
    for (const pair of m.components.pairs) {
      const componentCell = get(pair.component);
      const minutesCell = get(pair.minutes);
      if (componentCell === '') {
        if (minutesCell !== '' && minutesCell !== '0')
          problem(pair.component, `is empty but ${pair.minutes} gives minutes`);
        continue;
      }
      const componentId = this.componentValues.get(componentCell);
      if (componentId === undefined) {
        problem(pair.component, `${quoted(componentCell)} has no mapped meaning (add it to the component values)`);
        continue;
      }
      if (minutesCell === '' || minutesCell === '0')
        problem(pair.minutes, `is empty but ${pair.component} names a component`);
      else addMinutes(componentId, minutesCell, pair.minutes);
    }

    // Duration.
    if ('fromComponents' in m.duration) {
      if (minutesReadable && minutesTotal > 0) native.duration_minutes = String(minutesTotal);
      else if (minutesReadable) problem('', 'has no minutes in any component, so no duration', 'duration_minutes');
      else refused.push('duration_minutes');
    } else {
      const column = m.duration.column;
      const cell = get(column);
      const mapped = cell === '' ? undefined : this.durations.get(cell);
      if (cell === '') problem(column, 'is required (the duration)', 'duration_minutes');
      else if (mapped !== undefined) native.duration_minutes = String(mapped);
      else {
        const value = Number(cell);
        const inMinutes = m.duration.unit === 'hours' ? value * 60 : value;
        if (!Number.isFinite(inMinutes) || Math.abs(inMinutes - Math.round(inMinutes)) > 1e-9)
          problem(
            column,
            `${quoted(cell)} is not a whole number of minutes${m.duration.unit === 'hours' ? ' in hours' : ''} and has no mapped meaning`,
            'duration_minutes',
          );
        else native.duration_minutes = String(Math.round(inMinutes));
      }
    }

    // Mode.
    if ('value' in m.mode) native.mode = m.mode.value;
    else {
      const cell = get(m.mode.column);
      const mapped = this.modes.get(cell);
      if (mapped !== undefined) native.mode = mapped;
      else if ((interactionModes as readonly string[]).includes(cell)) native.mode = cell;
      else if (cell === '') problem(m.mode.column, 'is required (the mode)', 'mode');
      else
        problem(
          m.mode.column,
          `${quoted(cell)} has no mapped meaning (a mode: ${interactionModes.join(', ')})`,
          'mode',
        );
    }

    // Stage.
    if (m.stage) {
      const cell = get(m.stage.column);
      if (cell !== '') {
        const mapped = this.stages.get(cell);
        if (mapped !== undefined) native.stage_id = mapped;
        else if (/^[a-z0-9][a-z0-9-]*$/.test(cell)) native.stage_id = cell;
        else problem(m.stage.column, `${quoted(cell)} has no mapped meaning (add it to the stage values)`, 'stage_id');
      }
    }

    // Activities, by component.
    const activities = new Map<string, string[]>();
    const addActivity = (target: string, column: string) => {
      const [componentId, activityId] = target.split('/') as [string, string];
      const list = activities.get(componentId) ?? [];
      if (!list.includes(activityId)) list.push(activityId);
      activities.set(componentId, list);
      if (!this.lastSources.has(activitiesColumn(componentId)))
        this.lastSources.set(activitiesColumn(componentId), column);
    };
    m.activities.forEach((source, i) => {
      const cell = get(source.column);
      if ('activity' in source) {
        if (!unchecked.has(cell.toLowerCase())) addActivity(source.activity, source.column);
        return;
      }
      const lookup = this.activityLookups[i]!;
      for (const choice of splitChoices(cell, source.delimiter, lookup)) {
        const target = lookup.get(choice);
        if (target === undefined)
          problem(source.column, `${quoted(choice)} has no mapped meaning (add it to the activity values)`);
        else addActivity(target, source.column);
      }
    });

    // Principles and ratings.
    const principles: string[] = [];
    const principleSeen = new Set<string>();
    const addPrinciple = (principleId: string, rating: number | null, column: string) => {
      if (principleSeen.has(principleId)) return;
      principleSeen.add(principleId);
      principles.push(rating === null ? principleId : `${principleId}:${rating}`);
      if (!this.lastSources.has('principle_ids')) this.lastSources.set('principle_ids', column);
    };
    m.principles.forEach((source, i) => {
      const cell = get(source.column);
      if ('principle' in source) {
        if (!source.rated) {
          if (!unchecked.has(cell.toLowerCase())) addPrinciple(source.principle, null, source.column);
          return;
        }
        if (cell === '') return;
        const rating = this.ratings.get(cell) ?? (/^[1-5]$/.test(cell) ? Number(cell) : undefined);
        if (rating === undefined)
          problem(
            source.column,
            `${quoted(cell)} is not a rating 1–5 and has no mapped meaning (add it to the ratings)`,
            'principle_ids',
          );
        else addPrinciple(source.principle, rating, source.column);
        return;
      }
      const lookup = this.principleLookups[i]!;
      for (const choice of splitChoices(cell, source.delimiter, lookup)) {
        const target = lookup.get(choice);
        if (target === undefined)
          problem(
            source.column,
            `${quoted(choice)} has no mapped meaning (add it to the principle values)`,
            'principle_ids',
          );
        else addPrinciple(target, null, source.column);
      }
    });
    native.principle_ids = principles.join(';');

    // Participants.
    const counts: string[] = [];
    for (const [level, column] of Object.entries(m.participants) as [Level, string][]) {
      const cell = get(column);
      if (cell === '' || cell === '0') continue;
      if (!/^\d+$/.test(cell))
        problem(column, `${quoted(cell)} is not a whole number of participants`, 'participant_counts');
      else {
        counts.push(`${level}=${Number(cell)}`);
        if (!this.lastSources.has('participant_counts')) this.lastSources.set('participant_counts', column);
      }
    }
    native.participant_counts = counts.join(';');

    // Notes and next steps.
    native.notes = m.notes
      .map(get)
      .filter((text) => text !== '')
      .join('\n\n');
    const nextSteps: NextStep[] = [];
    if (m.nextSteps) {
      const column = m.nextSteps.column;
      for (const text of splitOn(get(column), m.nextSteps.delimiter)) {
        const parsed = NextStep.safeParse({ text });
        if (parsed.success) nextSteps.push(parsed.data);
        else problem(column, `${quoted(text)}: a next step ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
      }
    }

    const out = nativeColumns.map((column) => native[column]);
    for (const componentId of this.componentIds) {
      out.push(minutes.get(componentId) ?? '', (activities.get(componentId) ?? []).join(';'));
    }
    return { included: true, cells: out, nextSteps, errors, refused };
  }
}

/** Reads a mapping document (JSON text or a parsed value): the mapping, or every problem by its path. */
export function parseImportMapping(
  value: unknown,
): { mapping: ImportMapping } | { errors: { path: string; message: string }[] } {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (error) {
      return {
        errors: [{ path: '', message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` }],
      };
    }
  }
  const parsed = ImportMapping.safeParse(data);
  if (parsed.success) return { mapping: parsed.data };
  return {
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, ''),
      message: issue.message,
    })),
  };
}

/** A mapping saved in an organization: versioned, with history and soft delete. */
export const SavedImportMapping = RecordMeta.extend({ name: z.string(), mapping: ImportMapping });
export type SavedImportMapping = z.infer<typeof SavedImportMapping>;
