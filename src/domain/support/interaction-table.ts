import { InteractionInput, interactionModes, IsoDate, levels, type Level } from './schemas.ts';
import { limits } from '../../model/limits.ts';
import { hasNulCharacter, nulCharacterMessage } from '../text.ts';

/**
 * Interactions as a table (a CSV file or a worksheet): the documented long and wide layouts
 * (docs/import-formats.md), read row by row so a file of any size streams through, with every
 * problem reported at its row and column.
 */

export const tableFormats = ['long', 'wide'] as const;
export type TableFormat = (typeof tableFormats)[number];

/**
 * Where a reader keeps one row number per key (an interaction's key, its signature): a `Map`, or, for
 * files of hundreds of thousands of interactions, an off-heap table (`StringTable` in src/store).
 */
export interface RowNumbers {
  get(key: string): number | undefined;
  has(key: string): boolean;
  set(key: string, row: number): unknown;
}

/** A problem in a file: `row` counts the header as row 1, like a spreadsheet. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** Columns shared by both layouts, in the order an export writes them. */
export const interactionColumns = [
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
const optionalInteractionColumns = new Set(['time', 'stage_id', 'principle_ids', 'participant_counts', 'notes']);
export const longComponentColumns = ['component_id', 'component_minutes', 'activity_ids'] as const;

/** Long layout column order (the order an export writes). */
export const longColumns = [
  'interaction_key',
  'engagement_id',
  'date',
  'time',
  'duration_minutes',
  'mode',
  'stage_id',
  'component_id',
  'component_minutes',
  'activity_ids',
  'principle_ids',
  'participant_counts',
  'notes',
] as const;

export const minutesColumn = (componentId: string): string => `minutes_${componentId}`;
export const activitiesColumn = (componentId: string): string => `activities_${componentId}`;

/** Wide layout column order for the given components. */
export function wideColumns(componentIds: readonly string[]): string[] {
  return [
    'interaction_key',
    ...interactionColumns,
    ...componentIds.flatMap((id) => [minutesColumn(id), activitiesColumn(id)]),
  ];
}

/** Where the cells of a file's columns are, once its header row is understood. */
export interface TableLayout {
  format: TableFormat;
  /** Column name → cell index. */
  index: Map<string, number>;
  /** Wide layout: the components that have a minutes column, in header order. */
  componentIds: string[];
}

/**
 * Reads the header row: infers the layout when `format` is not given, and refuses missing, unknown or
 * repeated columns by name. `knownComponentIds` are the components of the organization's models; a wide
 * column for any other component is refused.
 */
export function readHeader(
  cells: readonly string[],
  format: TableFormat | undefined,
  knownComponentIds: ReadonlySet<string>,
): { layout: TableLayout } | { errors: RowError[] } {
  const names = cells.map((c) => c.trim());
  while (names.length > 0 && names.at(-1) === '') names.pop();
  if (names.length === 0)
    return {
      errors: [
        { row: 1, column: '', message: 'the header row is empty; expected column names (see docs/import-formats.md)' },
      ],
    };
  const resolved = format ?? inferFormat(names);
  if (!resolved) {
    return {
      errors: [
        {
          row: 1,
          column: '',
          message:
            'cannot tell the layout: a long file has component_id and component_minutes columns, a wide file minutes_<component> columns',
        },
      ],
    };
  }
  const errors: RowError[] = [];
  const index = new Map<string, number>();
  const componentIds: string[] = [];
  const activityComponents: { id: string; column: string }[] = [];
  const longAllowed = new Set<string>(longColumns);
  names.forEach((name, i) => {
    if (name === '') {
      errors.push({ row: 1, column: `column ${i + 1}`, message: 'has no name' });
      return;
    }
    if (index.has(name)) {
      errors.push({ row: 1, column: name, message: 'appears more than once' });
      return;
    }
    index.set(name, i);
    if (resolved === 'long') {
      if (!longAllowed.has(name))
        errors.push({
          row: 1,
          column: name,
          message: `is not a column of the long layout${name.startsWith('minutes_') ? ' (minutes_<component> columns belong to the wide layout)' : ''}`,
        });
      return;
    }
    if (name.startsWith('minutes_')) {
      const id = name.slice('minutes_'.length);
      if (!knownComponentIds.has(id))
        errors.push({
          row: 1,
          column: name,
          message: `"${id}" is not a component of any practice model of this organization`,
        });
      else componentIds.push(id);
    } else if (name.startsWith('activities_')) {
      activityComponents.push({ id: name.slice('activities_'.length), column: name });
    } else if (name !== 'interaction_key' && !(interactionColumns as readonly string[]).includes(name)) {
      errors.push({
        row: 1,
        column: name,
        message: `is not a column of the wide layout${(longComponentColumns as readonly string[]).includes(name) ? ' (it belongs to the long layout)' : ''}`,
      });
    }
  });
  for (const { id, column } of activityComponents) {
    if (!index.has(minutesColumn(id)))
      errors.push({ row: 1, column, message: `has no matching ${minutesColumn(id)} column` });
  }
  const required = [
    ...(resolved === 'long' ? ['interaction_key'] : []),
    ...interactionColumns.filter((c) => !optionalInteractionColumns.has(c)),
    ...(resolved === 'long' ? longComponentColumns : []),
  ];
  for (const column of required) if (!index.has(column)) errors.push({ row: 1, column, message: 'is missing' });
  return errors.length > 0 ? { errors } : { layout: { format: resolved, index, componentIds } };
}

function inferFormat(names: readonly string[]): TableFormat | undefined {
  if (names.includes('component_id') || names.includes('component_minutes')) return 'long';
  if (names.some((n) => n.startsWith('minutes_'))) return 'wide';
  return undefined;
}

/** Where an interaction came from in the file, to report problems found later at a row and column. */
export interface InteractionSource {
  format: TableFormat;
  key: string;
  firstRow: number;
  /** The row of each component, in the order of `input.components`. */
  componentRows: number[];
}

export interface TableInteraction {
  input: InteractionInput;
  source: InteractionSource;
  /**
   * Present when cells of this interaction were already refused (and reported): the interaction is
   * then still checked against its engagement and model, so that one pass reports every problem of
   * every row, but it is never written. `input` then holds what could be read, refused numbers as 0.
   */
  refused?: RefusedCells;
}

/** The cells of one interaction the reader refused: interaction columns by name (they are one value across its rows), component columns by row. */
export interface RefusedCells {
  columns: Set<string>;
  cells: Set<string>;
}

const cellKey = (row: number, column: string): string => `${row}:${column}`;
const isInteractionColumn = (column: string): boolean => (interactionColumns as readonly string[]).includes(column);

function refuseCell(refused: RefusedCells, { row, column }: { row: number; column: string }): void {
  if (isInteractionColumn(column)) refused.columns.add(column);
  else refused.cells.add(cellKey(row, column));
}

/**
 * Whether a problem the engagement and model rules found at `path` comes from a cell the reader already
 * refused: such a problem is either reported already or about a value the file never validly gave.
 */
export function concernsRefusedCell(path: string, { input, source, refused }: TableInteraction): boolean {
  if (!refused) return false;
  // Minutes across components against the duration: refused minutes count as 0, so a sum over the
  // duration is over it whatever they were; only a refused duration leaves nothing to compare with.
  if (path === 'components') return refused.columns.has('duration_minutes');
  const { row, column } = locate(path, source, input);
  return isInteractionColumn(column) ? refused.columns.has(column) : refused.cells.has(cellKey(row, column));
}

/** Maps a problem at a field path of an interaction (`components[1].activityIds[0]`) to its row and column. */
export function locate(
  path: string,
  source: InteractionSource,
  input: InteractionInput,
): { row: number; column: string } {
  const component = /^components\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (component) {
    const i = Number(component[1]);
    const field = component[2];
    const row = source.componentRows[i] ?? source.firstRow;
    const componentId = input.components[i]?.componentId ?? '';
    if (source.format === 'long')
      return {
        row,
        column: field === 'activityIds' ? 'activity_ids' : field === 'minutes' ? 'component_minutes' : 'component_id',
      };
    return { row, column: field === 'activityIds' ? activitiesColumn(componentId) : minutesColumn(componentId) };
  }
  const field = path.split(/[.[]/)[0] ?? '';
  const columns: Record<string, string> = {
    engagementId: 'engagement_id',
    date: 'date',
    time: 'time',
    durationMinutes: 'duration_minutes',
    mode: 'mode',
    stageId: 'stage_id',
    participants: 'participant_counts',
    principles: 'principle_ids',
    notes: 'notes',
    // Minutes across all components: in the long layout the fault lies in the component minutes.
    components: source.format === 'long' ? 'component_minutes' : 'duration_minutes',
  };
  return { row: source.firstRow, column: columns[field] ?? '' };
}

const splitList = (cell: string): string[] =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const WHOLE_NUMBER = /^\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads the cells of one row by column name; missing trailing cells read as empty. */
class RowCells {
  constructor(
    private readonly cells: readonly string[],
    private readonly index: Map<string, number>,
  ) {}

  get(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
}

/** Parses the interaction-level cells; problems go to `errors` at `row`. */
function parseInteractionCells(cells: RowCells, row: number, errors: RowError[]): Record<string, unknown> {
  const problem = (column: string, message: string) => errors.push({ row, column, message });
  const draft: Record<string, unknown> = {};

  const engagementId = cells.get('engagement_id');
  if (engagementId === '') problem('engagement_id', 'is required');
  draft.engagementId = engagementId;

  const date = cells.get('date');
  if (date === '') problem('date', 'is required');
  else if (!isCalendarDate(date)) problem('date', `"${date}" is not a date YYYY-MM-DD`);
  draft.date = date;

  const time = cells.get('time');
  if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) problem('time', `"${time}" is not a time HH:MM`);
  draft.time = time === '' ? null : time;

  draft.durationMinutes = wholeNumber(cells.get('duration_minutes'), 'duration_minutes', true, problem);

  const mode = cells.get('mode');
  if (!(interactionModes as readonly string[]).includes(mode))
    problem(
      'mode',
      mode === ''
        ? `is required (one of ${interactionModes.join(', ')})`
        : `"${mode}" is not a mode (one of ${interactionModes.join(', ')})`,
    );
  draft.mode = mode;

  const stageId = cells.get('stage_id');
  draft.stageId = stageId === '' ? null : stageId;

  draft.principles = splitList(cells.get('principle_ids')).map((part) => {
    const [principleId = '', rating, ...rest] = part.split(':').map((s) => s.trim());
    if (principleId === '') problem('principle_ids', `"${part}" has no principle id`);
    if (rest.length > 0 || (rating !== undefined && !/^[1-5]$/.test(rating))) {
      problem('principle_ids', `"${part}": a rating must be a whole number from 1 to 5, written id:rating`);
      return { principleId, rating: null };
    }
    return { principleId, rating: rating === undefined ? null : Number(rating) };
  });

  const counts: Partial<Record<Level, number>> = {};
  for (const part of splitList(cells.get('participant_counts'))) {
    const [level = '', count = ''] = part.split('=').map((s) => s.trim());
    if (!(levels as readonly string[]).includes(level))
      problem('participant_counts', `"${level}" is not a level (one of ${levels.join(', ')})`);
    else if (!WHOLE_NUMBER.test(count))
      problem('participant_counts', `"${part}": a count must be a whole number, written level=count`);
    else if (counts[level as Level] !== undefined) problem('participant_counts', `level "${level}" is given twice`);
    else counts[level as Level] = Number(count);
  }
  draft.participants = { contactIds: [], counts };
  draft.notes = cells.get('notes');
  return draft;
}

function wholeNumber(
  cell: string,
  column: string,
  required: boolean,
  problem: (column: string, message: string) => void,
): number | null {
  if (cell === '') {
    if (required) problem(column, 'is required');
    return null;
  }
  if (!WHOLE_NUMBER.test(cell)) {
    problem(column, `"${cell}" is not a whole number of minutes`);
    return null;
  }
  return Number(cell);
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 64;
const isWhole = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const isoDate = (IsoDate as unknown as { _zod: { pattern: RegExp } })._zod.pattern;
const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The schema's result for a draft the table reader made, when the draft certainly passes the schema
 * (`InteractionInput`): the same checks, written out for the reader's drafts, and the same output
 * (fields in the schema's order, defaults filled, notes trimmed). Null for anything else, which the
 * schema itself then checks, so every problem is still named in the schema's words. The schema costs
 * several times more per interaction, and a large file is nearly all good interactions.
 */
export function wellFormedInput(d: Record<string, unknown>): InteractionInput | null {
  if (!isId(d.engagementId) || typeof d.date !== 'string' || !isoDate.test(d.date)) return null;
  if (d.time !== null && (typeof d.time !== 'string' || !timeOfDay.test(d.time))) return null;
  if (!isWhole(d.durationMinutes, 1, 1440) || !(interactionModes as readonly unknown[]).includes(d.mode)) return null;
  if (d.stageId !== null && !isId(d.stageId)) return null;
  if (typeof d.notes !== 'string') return null;
  const notes = d.notes.trim();
  if (notes.length > 20_000) return null;
  const participants = d.participants as { contactIds?: unknown; counts?: unknown } | undefined;
  if (
    !participants ||
    !Array.isArray(participants.contactIds) ||
    participants.contactIds.length > 0 ||
    typeof participants.counts !== 'object' ||
    participants.counts === null
  )
    return null;
  const counts = participants.counts as Record<string, unknown>;
  for (const level in counts)
    if (!(levels as readonly string[]).includes(level) || !isWhole(counts[level], 0, 100_000)) return null;
  const components = d.components as { componentId: unknown; minutes: unknown; activityIds: unknown }[];
  const principles = d.principles as { principleId: unknown; rating: unknown }[];
  if (
    !Array.isArray(components) ||
    components.length > limits.interactionComponents.max ||
    !Array.isArray(principles) ||
    principles.length > limits.interactionPrinciples.max
  )
    return null;
  const componentUses: InteractionInput['components'] = [];
  for (const c of components) {
    if (
      !isId(c.componentId) ||
      !isWhole(c.minutes, 1, 1440) ||
      !Array.isArray(c.activityIds) ||
      c.activityIds.length > limits.interactionActivities.max ||
      !c.activityIds.every(isId)
    )
      return null;
    componentUses.push({ componentId: c.componentId, minutes: c.minutes, activityIds: c.activityIds });
  }
  const principleUses: InteractionInput['principles'] = [];
  for (const p of principles) {
    if (!isId(p.principleId) || (p.rating !== null && !isWhole(p.rating, 1, 5))) return null;
    principleUses.push({ principleId: p.principleId, rating: p.rating as number | null });
  }
  return {
    engagementId: d.engagementId,
    date: d.date,
    time: d.time as string | null,
    durationMinutes: d.durationMinutes,
    mode: d.mode as InteractionInput['mode'],
    stageId: d.stageId as string | null,
    participants: { contactIds: [], counts: { ...(counts as InteractionInput['participants']['counts']) } },
    components: componentUses,
    principles: principleUses,
    notes,
    nextSteps: [],
  };
}

/**
 * What can be read of a drafted interaction whose cells were refused, for the engagement and model
 * checks only: refused numbers become 0 (the problems they would cause are about refused cells).
 */
function readableInput(draft: Record<string, unknown>): InteractionInput {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const components = (draft.components ?? []) as {
    componentId: string;
    minutes: number | null;
    activityIds: string[];
  }[];
  return {
    engagementId: text(draft.engagementId),
    date: text(draft.date),
    time: null,
    durationMinutes: typeof draft.durationMinutes === 'number' ? draft.durationMinutes : 0,
    mode: 'other',
    stageId: typeof draft.stageId === 'string' ? draft.stageId : null,
    participants: { contactIds: [], counts: {} },
    components: components.map((c) => ({
      componentId: c.componentId,
      minutes: c.minutes ?? 0,
      activityIds: c.activityIds,
    })),
    principles: (draft.principles ?? []) as InteractionInput['principles'],
    notes: '',
    nextSteps: [],
  };
}

/**
 * Checks a drafted interaction against the shared schema, naming the column of each issue. With cells
 * refused already (`refused`), or refused here by the schema, the result carries them and is only checked further.
 */
function finishInteraction(
  draft: Record<string, unknown>,
  source: InteractionSource,
  errors: RowError[],
  refused: RefusedCells | null,
): TableInteraction {
  if (refused) return { input: readableInput(draft), source, refused };
  const wellFormed = wellFormedInput(draft);
  if (wellFormed) return { input: wellFormed, source };
  const parsed = InteractionInput.safeParse(draft);
  if (!parsed.success) {
    const refusedBySchema: RefusedCells = { columns: new Set(), cells: new Set() };
    for (const issue of parsed.error.issues) {
      const path = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
      const where = locate(path, source, draft as unknown as InteractionInput);
      errors.push({ ...where, message: issue.message });
      refuseCell(refusedBySchema, where);
    }
    return { input: readableInput(draft), source, refused: refusedBySchema };
  }
  return { input: parsed.data, source };
}

/** The interaction-level cells of a long row, compared across the rows of one interaction. */
const sharedCells = (cells: RowCells): string[] => interactionColumns.map((c) => cells.get(c));

interface LongGroup {
  key: string;
  firstRow: number;
  shared: string[];
  draft: Record<string, unknown>;
  components: { componentId: string; minutes: number | null; activityIds: string[] }[];
  componentRows: number[];
  emptyComponentRows: number[];
  refused: RefusedCells;
  /** A row of it holds a NUL character: it is reported, never handed on. */
  holdsNul: boolean;
}

const hasRefused = (refused: RefusedCells): boolean => refused.columns.size > 0 || refused.cells.size > 0;

/**
 * Turns the data rows of a file, in order, into interactions. Feed every row with `add`, then call
 * `finish`; each returns the interactions completed so far. Bad rows are collected in `errors`, and an
 * interaction with bad rows is still returned, marked `refused`, so its other problems are found too.
 * Memory stays bounded: only the interaction in progress (long layout: its consecutive rows) and one
 * key per interaction, to refuse a key used twice, are kept.
 */
export class InteractionTableReader {
  readonly errors: RowError[] = [];
  private group: LongGroup | null = null;
  constructor(
    readonly layout: TableLayout,
    private readonly finishedKeys: RowNumbers = new Map(),
  ) {}

  add(cells: readonly string[], row: number): TableInteraction[] {
    const rowCells = new RowCells(cells, this.layout.index);
    // A row with a NUL character is read as any other, so the report names its other problems too,
    // but never becomes an interaction (nor is its engagement looked up).
    const holdsNul = this.refuseNulCells(cells, row);
    if (this.layout.format === 'wide') {
      const done = this.addWide(rowCells, row);
      return holdsNul ? [] : done;
    }
    const done = this.addLong(rowCells, row);
    if (holdsNul && this.group?.key === rowCells.get('interaction_key')) this.group.holdsNul = true;
    return done;
  }

  /** Reports every cell of a known column that holds U+0000; true when there is one. */
  private refuseNulCells(cells: readonly string[], row: number): boolean {
    let found = false;
    for (const [column, i] of this.layout.index) {
      const cell = cells[i];
      if (cell === undefined || !hasNulCharacter(cell)) continue;
      this.errors.push({ row, column, message: nulCharacterMessage });
      found = true;
    }
    return found;
  }

  finish(): TableInteraction[] {
    const done = this.closeGroup();
    return done ? [done] : [];
  }

  /** Marks the cells of the problems added since `from` (within one call of `add`) as refused. */
  private refuseSince(from: number, refused: RefusedCells): void {
    for (let i = from; i < this.errors.length; i++) refuseCell(refused, this.errors[i]!);
  }

  private addWide(cells: RowCells, row: number): TableInteraction[] {
    const before = this.errors.length;
    const draft = parseInteractionCells(cells, row, this.errors);
    const components = [];
    for (const componentId of this.layout.componentIds) {
      const minutesCell = cells.get(minutesColumn(componentId));
      const activityIds = splitList(cells.get(activitiesColumn(componentId)));
      if (minutesCell === '' || minutesCell === '0') {
        if (activityIds.length > 0)
          this.errors.push({
            row,
            column: activitiesColumn(componentId),
            message: `lists activities but ${minutesColumn(componentId)} is empty`,
          });
        continue;
      }
      const minutes = wholeNumber(minutesCell, minutesColumn(componentId), true, (column, message) =>
        this.errors.push({ row, column, message }),
      );
      components.push({ componentId, minutes, activityIds });
    }
    draft.components = components;
    let refused: RefusedCells | null = null;
    if (this.errors.length > before) {
      refused = { columns: new Set(), cells: new Set() };
      this.refuseSince(before, refused);
    }
    const key = cells.get('interaction_key');
    return [
      finishInteraction(
        draft,
        { format: 'wide', key, firstRow: row, componentRows: components.map(() => row) },
        this.errors,
        refused,
      ),
    ];
  }

  private addLong(cells: RowCells, row: number): TableInteraction[] {
    const key = cells.get('interaction_key');
    if (key === '') {
      this.errors.push({
        row,
        column: 'interaction_key',
        message: 'is required (it groups the rows of one interaction)',
      });
      return [];
    }
    const completed: TableInteraction[] = [];
    if (this.group && this.group.key === key) {
      const group = this.group;
      const shared = sharedCells(cells);
      interactionColumns.forEach((column, i) => {
        if (shared[i] !== group.shared[i]) {
          this.errors.push({
            row,
            column,
            message: `differs from row ${group.firstRow} of interaction "${key}" ("${shared[i]}" here, "${group.shared[i]}" there); interaction columns must agree on every row of an interaction`,
          });
          // Which row is right is unknown: the rules do not judge this column from the first row's value.
          group.refused.columns.add(column);
        }
      });
    } else {
      const done = this.closeGroup();
      if (done) completed.push(done);
      const earlier = this.finishedKeys.get(key);
      const errorsBefore = this.errors.length;
      if (earlier !== undefined)
        this.errors.push({
          row,
          column: 'interaction_key',
          message: `"${key}" was already used at row ${earlier}; the rows of one interaction must be consecutive`,
        });
      const draft = parseInteractionCells(cells, row, this.errors);
      this.group = {
        key,
        firstRow: row,
        shared: sharedCells(cells),
        draft,
        components: [],
        componentRows: [],
        emptyComponentRows: [],
        refused: { columns: new Set(), cells: new Set() },
        holdsNul: false,
      };
      this.refuseSince(errorsBefore, this.group.refused);
    }
    this.addLongComponent(cells, row, this.group!);
    return completed;
  }

  private addLongComponent(cells: RowCells, row: number, group: LongGroup): void {
    const componentId = cells.get('component_id');
    const minutesCell = cells.get('component_minutes');
    const activityIds = splitList(cells.get('activity_ids'));
    if (componentId === '' && minutesCell === '' && activityIds.length === 0) {
      group.emptyComponentRows.push(row);
      return;
    }
    const before = this.errors.length;
    if (componentId === '')
      this.errors.push({
        row,
        column: 'component_id',
        message: 'is required when component_minutes or activity_ids are given',
      });
    const minutes = wholeNumber(minutesCell, 'component_minutes', true, (column, message) =>
      this.errors.push({ row, column, message }),
    );
    this.refuseSince(before, group.refused);
    group.components.push({ componentId, minutes, activityIds });
    group.componentRows.push(row);
  }

  private closeGroup(): TableInteraction | null {
    const group = this.group;
    if (!group) return null;
    this.group = null;
    if (!this.finishedKeys.has(group.key)) this.finishedKeys.set(group.key, group.firstRow);
    if (group.components.length > 0) {
      for (const row of group.emptyComponentRows) {
        const error = {
          row,
          column: 'component_id',
          message: `is required: interaction "${group.key}" has other rows with components (an interaction without components is a single row)`,
        };
        this.errors.push(error);
        refuseCell(group.refused, error);
      }
    }
    if (group.holdsNul) return null;
    return finishInteraction(
      { ...group.draft, components: group.components },
      { format: 'long', key: group.key, firstRow: group.firstRow, componentRows: group.componentRows },
      this.errors,
      hasRefused(group.refused) ? group.refused : null,
    );
  }
}

/**
 * Finds the same interaction given twice in one file: same engagement, date, time, duration and
 * components (ids and minutes). Keeps one short signature per interaction (the engagement named by a
 * number) in a `StringTable`: a large file has hundreds of thousands.
 */
export class DuplicateFinder {
  private readonly engagementNumbers = new Map<string, number>();

  constructor(
    private readonly seen: RowNumbers = new Map(),
    /** Copies a kept string so that it holds no larger one alive (`ownCopy` in src/store). */
    private readonly keep: (text: string) => string = (text) => text,
  ) {}

  /** The row of an earlier identical interaction, or undefined (and remembers this one). */
  check({ input, source }: TableInteraction): RowError | undefined {
    const components = input.components
      .map((c) => `${c.componentId}=${c.minutes}`)
      .sort()
      .join(',');
    let engagement = this.engagementNumbers.get(input.engagementId);
    if (engagement === undefined) {
      engagement = this.engagementNumbers.size;
      this.engagementNumbers.set(this.keep(input.engagementId), engagement);
    }
    const signature = [engagement, input.date, input.time ?? '', input.durationMinutes, components].join('|');
    const earlier = this.seen.get(signature);
    if (earlier !== undefined) {
      return {
        row: source.firstRow,
        column: source.format === 'long' ? 'interaction_key' : 'engagement_id',
        message: `duplicates the interaction at row ${earlier} (same engagement, date, time, duration and components)`,
      };
    }
    this.seen.set(signature, source.firstRow);
    return undefined;
  }
}
