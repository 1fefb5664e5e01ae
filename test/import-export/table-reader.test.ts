import { describe, expect, it } from 'vitest';
import {
  DuplicateFinder,
  InteractionTableReader,
  locate,
  readHeader,
  type TableFormat,
  type TableLayout,
} from '../../src/domain/support/interaction-table.ts';
import { longRows, wideRow } from '../../src/domain/support/interaction-rows.ts';
import { Interaction } from '../../src/domain/support/schemas.ts';

const components = new Set(['relating', 'assessing', 'co-designing']);
const longHeader = [
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
];

function layoutOf(header: string[], format?: TableFormat): TableLayout {
  const read = readHeader(header, format, components);
  if ('errors' in read) throw new Error(JSON.stringify(read.errors));
  return read.layout;
}

/** Reads data rows (numbered from 2) and returns the well-formed interactions, those with refused cells, and the problems. */
function read(header: string[], rows: string[][]) {
  const reader = new InteractionTableReader(layoutOf(header));
  const all = rows.flatMap((cells, i) => reader.add(cells, i + 2));
  all.push(...reader.finish());
  return {
    interactions: all.filter((i) => !i.refused),
    refused: all.filter((i) => i.refused),
    errors: reader.errors,
  };
}

const long = (key: string, cells: Partial<Record<string, string>>): string[] => {
  const defaults: Record<string, string> = {
    interaction_key: key,
    engagement_id: 'e1',
    date: '2020-02-03',
    time: '10:00',
    duration_minutes: '90',
    mode: 'video',
    component_id: 'relating',
    component_minutes: '20',
  };
  return longHeader.map((c) => cells[c] ?? defaults[c] ?? '');
};

describe('reading the header', () => {
  it('infers the layout, and lets an explicit format override it', () => {
    expect(layoutOf(longHeader).format).toBe('long');
    expect(layoutOf(['engagement_id', 'date', 'duration_minutes', 'mode', 'minutes_relating']).format).toBe('wide');
    const asWide = readHeader(longHeader, 'wide', components);
    expect('errors' in asWide && asWide.errors).toContainEqual({
      row: 1,
      column: 'component_id',
      message: 'is not a column of the wide layout (it belongs to the long layout)',
    });
  });

  it('refuses repeated, unnamed and orphaned columns', () => {
    const read = readHeader(
      ['engagement_id', 'date', 'date', '', 'duration_minutes', 'mode', 'minutes_relating', 'activities_assessing'],
      undefined,
      components,
    );
    expect('errors' in read && read.errors).toEqual([
      { row: 1, column: 'date', message: 'appears more than once' },
      { row: 1, column: 'column 4', message: 'has no name' },
      { row: 1, column: 'activities_assessing', message: 'has no matching minutes_assessing column' },
    ]);
  });
});

describe('reading rows', () => {
  it('parses principles with and without ratings, participant counts and lists', () => {
    const { interactions, errors } = read(longHeader, [
      long('a', {
        principle_ids: 'relationship-centered:4; data-informed',
        participant_counts: 'individual=3;team=1',
        activity_ids: 'agree-roles; ;check-in',
      }),
    ]);
    expect(errors).toEqual([]);
    expect(interactions[0]!.input).toMatchObject({
      principles: [
        { principleId: 'relationship-centered', rating: 4 },
        { principleId: 'data-informed', rating: null },
      ],
      participants: { contactIds: [], counts: { individual: 3, team: 1 } },
      components: [{ componentId: 'relating', minutes: 20, activityIds: ['agree-roles', 'check-in'] }],
    });
  });

  it('refuses bad ratings, levels and counts at their column', () => {
    const { interactions, refused, errors } = read(longHeader, [
      long('a', { principle_ids: 'relationship-centered:9', participant_counts: 'crowd=3;team=many;team=1;team=2' }),
    ]);
    expect(interactions).toEqual([]);
    // Still handed on, for the engagement and model checks, with the refused columns named.
    expect(refused.map((i) => [...i.refused!.columns])).toEqual([['principle_ids', 'participant_counts']]);
    expect(errors).toEqual([
      {
        row: 2,
        column: 'principle_ids',
        message: '"relationship-centered:9": a rating must be a whole number from 1 to 5, written id:rating',
      },
      {
        row: 2,
        column: 'participant_counts',
        message: '"crowd" is not a level (one of individual, team, organization, system)',
      },
      {
        row: 2,
        column: 'participant_counts',
        message: '"team=many": a count must be a whole number, written level=count',
      },
      { row: 2, column: 'participant_counts', message: 'level "team" is given twice' },
    ]);
  });

  it('refuses an empty component row among component rows, and a component with no id', () => {
    const { refused, errors } = read(longHeader, [
      long('a', {}),
      long('a', { component_id: '', component_minutes: '' }),
      long('b', { component_id: '', component_minutes: '5' }),
    ]);
    expect(errors).toEqual([
      {
        row: 3,
        column: 'component_id',
        message:
          'is required: interaction "a" has other rows with components (an interaction without components is a single row)',
      },
      { row: 4, column: 'component_id', message: 'is required when component_minutes or activity_ids are given' },
    ]);
    expect(refused.map((i) => [i.source.key, [...i.refused!.cells]])).toEqual([
      ['a', ['3:component_id']],
      ['b', ['4:component_id']],
    ]);
  });

  it('reads a wide row: empty or 0 minutes mean unused, activities need minutes', () => {
    const header = [
      'engagement_id',
      'date',
      'duration_minutes',
      'mode',
      'minutes_relating',
      'activities_relating',
      'minutes_assessing',
      'activities_assessing',
      'minutes_co-designing',
    ];
    const { interactions, errors } = read(header, [
      ['e1', '2020-02-03', '60', 'phone', '20', 'agree-roles', '0', '', ''],
      ['e1', '2020-02-04', '60', 'phone', '', 'check-in', '', '', ''],
    ]);
    expect(interactions.map((i) => i.input.components)).toEqual([
      [{ componentId: 'relating', minutes: 20, activityIds: ['agree-roles'] }],
    ]);
    expect(errors).toEqual([
      { row: 3, column: 'activities_relating', message: 'lists activities but minutes_relating is empty' },
    ]);
  });

  it('places field paths at rows and columns in both layouts', () => {
    const { interactions } = read(longHeader, [
      long('a', {}),
      long('a', { component_id: 'assessing', activity_ids: 'review-data' }),
    ]);
    const { input, source } = interactions[0]!;
    expect(locate('components[1].activityIds[0]', source, input)).toEqual({ row: 3, column: 'activity_ids' });
    expect(locate('components', source, input)).toEqual({ row: 2, column: 'component_minutes' });
    expect(locate('principles[0].principleId', source, input)).toEqual({ row: 2, column: 'principle_ids' });
    const wideSource = { ...source, format: 'wide' as const, componentRows: [7, 7], firstRow: 7 };
    expect(locate('components[1].componentId', wideSource, input)).toEqual({ row: 7, column: 'minutes_assessing' });
    expect(locate('components[0].activityIds[0]', wideSource, input)).toEqual({
      row: 7,
      column: 'activities_relating',
    });
  });

  it('finds a duplicate whatever the order of its components, and not when the time differs', () => {
    const { interactions } = read(longHeader, [
      long('a', {}),
      long('a', { component_id: 'assessing' }),
      long('b', { component_id: 'assessing' }),
      long('b', {}),
      long('c', { time: '11:00' }),
    ]);
    const finder = new DuplicateFinder();
    expect(interactions.map((i) => finder.check(i)?.message)).toEqual([
      undefined,
      'duplicates the interaction at row 2 (same engagement, date, time, duration and components)',
      undefined,
    ]);
  });
});

describe('writing rows back', () => {
  it('writes what it reads: long and wide rows of an interaction read back to the same input', () => {
    const interaction = Interaction.parse({
      id: 'i-1',
      version: 1,
      createdAt: 'x',
      updatedAt: 'x',
      deletedAt: null,
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      loggedBy: 'u',
      engagementId: 'e1',
      date: '2020-02-03',
      time: null,
      durationMinutes: 90,
      mode: 'email',
      stageId: 'readiness-exploration',
      participants: { contactIds: [], counts: { system: 2 } },
      components: [
        { componentId: 'co-designing', minutes: 30, activityIds: ['set-goals', 'co-write-plan'] },
        { componentId: 'relating', minutes: 5, activityIds: [] },
      ],
      principles: [{ principleId: 'co-creative', rating: 2 }],
      notes: 'a, "b"\nc',
      nextSteps: [],
    });
    const { interactions: fromLong } = read(longHeader, longRows(interaction));
    const ids = ['relating', 'assessing', 'co-designing'];
    const reader = new InteractionTableReader(
      layoutOf([
        'interaction_key',
        'engagement_id',
        'date',
        'time',
        'duration_minutes',
        'mode',
        'stage_id',
        'principle_ids',
        'participant_counts',
        'notes',
        ...ids.flatMap((id) => [`minutes_${id}`, `activities_${id}`]),
      ]),
    );
    const fromWide = reader.add(wideRow(interaction, ids), 2);
    const {
      id: _id,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      deletedAt: _d,
      modelId: _m,
      modelVersion: _mv,
      loggedBy: _l,
      ...input
    } = interaction;
    expect(fromLong[0]!.input).toEqual(input);
    // The wide layout lists components in column order.
    expect(fromWide[0]!.input).toEqual({ ...input, components: [input.components[1], input.components[0]] });
  });
});
