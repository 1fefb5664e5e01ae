import {
  doseByRelationshipMonthAcrossEngagements,
  componentMixOverRelationship,
} from '../descriptives/dose-trajectory.ts';
import { currentRelationshipMonth } from '../dose/engagement-overview.ts';
import { fitRandomInterceptModel } from '../stats/linear-mixed-model.ts';
import type { EngagementOutcomes, Wave } from '../../domain/measurement/schemas.ts';
import { calendarMonth, relationshipMonth } from '../../domain/support/months.ts';
import type { ComponentMonthDose, EngagementMonthDose } from '../../domain/support/rollups.ts';
import {
  interactionModes,
  levels,
  partnerKinds,
  type Contact,
  type Engagement,
  type Interaction,
  type Partner,
} from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { CsvCell } from '../../domain/csv.ts';
import { AppError } from '../../domain/errors.ts';
import type { Pseudonymizer } from './pseudonyms.ts';

/**
 * The tidy tables of the research export: one row per observation, one column per variable, every
 * identifier a keyed pseudonym. Each column carries its codebook entry, so the codebook is written from
 * the same definitions as the data and cannot leave a column out. Names, e-mail addresses, notes,
 * next-step texts, goals and tags are never read into a row.
 */

export const columnTypes = ['pseudonym', 'text', 'integer', 'number', 'date', 'month', 'time'] as const;
export type ColumnType = (typeof columnTypes)[number];
type Cell = string | number | null;

export interface Column<R> {
  name: string;
  type: ColumnType;
  /** The values the column may hold; empty when any value of its type may appear. */
  allowed: string;
  meaning: string;
  value: (record: R) => Cell;
}

export interface Table {
  /** Path inside the zip, e.g. `data/interactions.csv`. */
  file: string;
  description: string;
  columns: Omit<Column<never>, 'value'>[];
  /**
   * Header first, then the data rows, produced as they are read: numbers as numbers, so that writing
   * them as CSV (`formatCsv`) keeps their sign while guarding text; null for a missing value.
   */
  rows(): AsyncGenerator<CsvCell[]>;
}

export function table<R>(
  file: string,
  description: string,
  columns: Column<R>[],
  records: () => Iterable<R> | AsyncIterable<R>,
): Table {
  return {
    file,
    description,
    columns: columns.map(({ name, type, allowed, meaning }) => ({ name, type, allowed, meaning })),
    async *rows() {
      yield columns.map((c) => c.name);
      for await (const record of records()) yield columns.map((c) => c.value(record));
    },
  };
}

export const choices = (values: readonly string[]): string => values.join(', ');
export const labelled = (entries: Iterable<[string, string]>): string =>
  [...entries].map(([id, label]) => `${id} = ${label}`).join('; ');

/** Everything the export reads, already limited to the organization, the filters and live records. */
export interface ResearchRecord {
  engagements: Engagement[];
  partners: Partner[];
  contacts: Pick<Contact, 'id' | 'level'>[];
  /**
   * The live interactions of these engagements within the period, oldest first (date, then id), read
   * anew on each call: each interaction table is one pass, so no table holds them all.
   */
  interactions: () => AsyncIterable<Interaction>;
  /** What the results and the model need from the interactions, gathered in one pass (`summarizeInteractions`). */
  summary: InteractionSummary;
  waves: Wave[];
  outcomes: EngagementOutcomes[];
  /** The model versions the engagements and interactions were recorded under, oldest first. */
  models: PracticeModel[];
  /** Relationship months are counted up to this date (`YYYY-MM-DD`): the export day or the `to` filter, whichever is earlier. */
  until: string;
}

/** Labels of the model elements across the versions used; a later version's label wins. */
export interface ModelLabels {
  components: Map<string, { name: string; group: string }>;
  groups: Map<string, string>;
  activities: Map<string, string>;
  principles: Map<string, string>;
  stages: Map<string, string>;
  outcomes: Map<string, string>;
}

export const activityKey = (componentId: string, activityId: string): string => `${componentId}/${activityId}`;

export function modelLabels(models: readonly PracticeModel[]): ModelLabels {
  const labels: ModelLabels = {
    components: new Map(),
    groups: new Map(),
    activities: new Map(),
    principles: new Map(),
    stages: new Map(),
    outcomes: new Map(),
  };
  for (const model of models) {
    for (const g of model.componentGroups) labels.groups.set(g.id, g.name);
    for (const c of model.components) {
      labels.components.set(c.id, { name: c.name, group: c.group });
      for (const a of c.activities) labels.activities.set(activityKey(c.id, a.id), a.label);
    }
    for (const p of model.principles) labels.principles.set(p.id, p.name);
    for (const s of model.stages) labels.stages.set(s.id, s.name);
    for (const o of model.outcomes) labels.outcomes.set(o.id, o.name);
  }
  return labels;
}

/** Where an interaction sits in its engagement: calendar month and month of the relationship. */
interface Placed {
  interaction: Interaction;
  engagement: Engagement;
  month: number;
}

/** What the results and the mixed model need from the interactions: sums, never the interactions themselves. */
export interface InteractionSummary {
  /** The model versions the interactions were recorded under. */
  modelRefs: { id: string; version: string }[];
  /** Interactions and minutes per engagement, calendar month and month of the relationship. */
  engagementMonths: EngagementMonthDose[];
  /** Component minutes per month of the relationship and component, pooled over engagements. */
  componentMonths: Pick<ComponentMonthDose, 'relationshipMonth' | 'componentId' | 'minutes'>[];
  /** Minutes of an engagement's interactions on or before a date, for the dates asked for (`${engagementId}|${date}`). */
  minutesUpTo: Map<string, number>;
}

const dayKey = (engagementId: string, date: string): string => `${engagementId}|${date}`;

/**
 * One pass over the interactions (`record.interactions`) gathering the summary. `datesAsked` lists, per
 * engagement, the dates up to which its minutes are summed (the dates of its outcome waves).
 */
export async function summarizeInteractions(
  interactions: AsyncIterable<Interaction>,
  engagements: readonly Engagement[],
  datesAsked: ReadonlyMap<string, readonly string[]>,
): Promise<InteractionSummary> {
  const engagementById = new Map(engagements.map((e) => [e.id, e]));
  const modelRefs = new Map<string, { id: string; version: string }>();
  const engagementMonths = new Map<string, EngagementMonthDose>();
  const componentMonths = new Map<string, { relationshipMonth: number; componentId: string; minutes: number }>();
  const minutesUpTo = new Map<string, number>();
  for (const [engagementId, dates] of datesAsked)
    for (const date of dates) minutesUpTo.set(dayKey(engagementId, date), 0);
  for await (const interaction of interactions) {
    const engagement = engagementById.get(interaction.engagementId);
    if (!engagement) continue;
    modelRefs.set(`${interaction.modelId}@${interaction.modelVersion}`, {
      id: interaction.modelId,
      version: interaction.modelVersion,
    });
    const month = relationshipMonth(engagement.startDate, interaction.date);
    const calendar = calendarMonth(interaction.date);
    const monthKey = `${engagement.id}|${calendar}|${month}`;
    const slot = engagementMonths.get(monthKey) ?? {
      engagementId: engagement.id,
      calendarMonth: calendar,
      relationshipMonth: month,
      interactions: 0,
      minutes: 0,
    };
    slot.interactions += 1;
    slot.minutes += interaction.durationMinutes;
    engagementMonths.set(monthKey, slot);
    for (const c of interaction.components) {
      const key = `${month}|${c.componentId}`;
      const pooled = componentMonths.get(key) ?? { relationshipMonth: month, componentId: c.componentId, minutes: 0 };
      pooled.minutes += c.minutes;
      componentMonths.set(key, pooled);
    }
    for (const date of datesAsked.get(engagement.id) ?? []) {
      if (interaction.date <= date)
        minutesUpTo.set(
          dayKey(engagement.id, date),
          minutesUpTo.get(dayKey(engagement.id, date))! + interaction.durationMinutes,
        );
    }
  }
  return {
    modelRefs: [...modelRefs.values()],
    engagementMonths: [...engagementMonths.values()],
    componentMonths: [...componentMonths.values()],
    minutesUpTo,
  };
}

/** Every table of the export, in the order the codebook lists them. */
export function researchTables(record: ResearchRecord, pseudonym: Pseudonymizer): Table[] {
  const labels = modelLabels(record.models);
  const engagementById = new Map(record.engagements.map((e) => [e.id, e]));
  const partnerById = new Map(record.partners.map((p) => [p.id, p]));
  const contactLevel = new Map(record.contacts.map((c) => [c.id, c.level]));
  const waveById = new Map(record.waves.map((w) => [w.id, w]));
  /** The interactions with their engagement and month of the relationship, read anew on each call. */
  async function* placed(): AsyncGenerator<Placed> {
    for await (const interaction of record.interactions()) {
      const engagement = engagementById.get(interaction.engagementId);
      if (engagement)
        yield { interaction, engagement, month: relationshipMonth(engagement.startDate, interaction.date) };
    }
  }
  /** Each interaction expanded into rows (participants, components, …), in interaction order. */
  async function* expand<R>(rowsOf: (p: Placed) => Iterable<R>): AsyncGenerator<R> {
    for await (const p of placed()) yield* rowsOf(p);
  }
  const monthsReached = new Map(
    record.engagements.map((e) => [e.id, currentRelationshipMonth(e.startDate, e.endDate, record.until)]),
  );
  const componentLabels = labelled([...labels.components].map(([id, c]) => [id, c.name]));

  const engagementId: Column<{ engagement: Engagement }> = {
    name: 'engagement_id',
    type: 'pseudonym',
    allowed: 'E-…',
    meaning: 'The engagement (support relationship); joins every table.',
    value: (r) => pseudonym('engagement', r.engagement.id),
  };
  const interactionId: Column<{ interaction: Interaction }> = {
    name: 'interaction_id',
    type: 'pseudonym',
    allowed: 'I-…',
    meaning: 'The interaction; joins data/interactions.csv.',
    value: (r) => pseudonym('interaction', r.interaction.id),
  };
  const placedColumns: Column<Placed>[] = [
    interactionId,
    engagementId,
    {
      name: 'date',
      type: 'date',
      allowed: 'YYYY-MM-DD',
      meaning: 'Date of the interaction (kept as recorded, not shifted).',
      value: (r) => r.interaction.date,
    },
    {
      name: 'calendar_month',
      type: 'month',
      allowed: 'YYYY-MM',
      meaning: 'Calendar month of the interaction.',
      value: (r) => calendarMonth(r.interaction.date),
    },
    {
      name: 'relationship_month',
      type: 'integer',
      allowed: '1, 2, …',
      meaning:
        'Month of the relationship: 1 from the engagement start date up to the day before the same day of the next month, and so on.',
      value: (r) => r.month,
    },
  ];

  const engagements = table<{ engagement: Engagement }>(
    'data/engagements.csv',
    'One row per live engagement (support relationship); only the named one when the export is limited to an engagement. Engagement names and goals are not exported.',
    [
      engagementId,
      {
        name: 'partner_id',
        type: 'pseudonym',
        allowed: 'P-…',
        meaning: 'The partner supported.',
        value: (r) => pseudonym('partner', r.engagement.partnerId),
      },
      {
        name: 'partner_kind',
        type: 'text',
        allowed: choices(partnerKinds),
        meaning: 'Kind of partner.',
        value: (r) => partnerById.get(r.engagement.partnerId)?.kind ?? null,
      },
      {
        name: 'parent_partner_id',
        type: 'pseudonym',
        allowed: 'P-…, or empty',
        meaning: 'The partner one level up (a team’s organization, an organization’s system).',
        value: (r) => nullablePseudonym(pseudonym, 'partner', partnerById.get(r.engagement.partnerId)?.parentId),
      },
      {
        name: 'partner_type',
        type: 'text',
        allowed: 'as entered in the organization',
        meaning: 'Type of partner, a category the organization keeps (e.g. county agency).',
        value: (r) => partnerById.get(r.engagement.partnerId)?.type ?? null,
      },
      {
        name: 'region',
        type: 'text',
        allowed: 'as entered in the organization',
        meaning: 'Region of the partner.',
        value: (r) => partnerById.get(r.engagement.partnerId)?.region ?? null,
      },
      {
        name: 'state_or_country',
        type: 'text',
        allowed: 'as entered in the organization',
        meaning: 'State or country of the partner.',
        value: (r) => partnerById.get(r.engagement.partnerId)?.stateOrCountry ?? null,
      },
      {
        name: 'model_id',
        type: 'text',
        allowed: choices([...new Set(record.models.map((m) => m.id))]),
        meaning: 'Practice model the engagement follows (see models/).',
        value: (r) => r.engagement.modelId,
      },
      {
        name: 'model_version',
        type: 'text',
        allowed: 'semantic version',
        meaning: 'Version of that practice model.',
        value: (r) => r.engagement.modelVersion,
      },
      {
        name: 'start_date',
        type: 'date',
        allowed: 'YYYY-MM-DD',
        meaning: 'Start of the relationship; month 1 of the relationship begins here.',
        value: (r) => r.engagement.startDate,
      },
      {
        name: 'end_date',
        type: 'date',
        allowed: 'YYYY-MM-DD, or empty while ongoing',
        meaning: 'End of the relationship.',
        value: (r) => r.engagement.endDate,
      },
      {
        name: 'months_reached',
        type: 'integer',
        allowed: '1, 2, …',
        meaning: `Relationship months lived through by ${record.until} (or by the end date): months without contact up to here count as zero minutes of dose.`,
        value: (r) => monthsReached.get(r.engagement.id) ?? null,
      },
      {
        name: 'support_team',
        type: 'pseudonym',
        allowed: 'U-… separated by ";"',
        meaning: 'The implementation support practitioners (ISPs) on the support team.',
        value: (r) => r.engagement.supportTeam.map((u) => pseudonym('user', u)).join(';'),
      },
      {
        name: 'current_stage_id',
        type: 'text',
        allowed: labelled(labels.stages),
        meaning: 'The latest stage in the stage history.',
        value: (r) => r.engagement.stages.at(-1)?.stageId ?? null,
      },
      {
        name: 'stage_history',
        type: 'text',
        allowed: 'stage_id@YYYY-MM-DD separated by ";", oldest first',
        meaning: 'Every stage the engagement entered and the date it began.',
        value: (r) => r.engagement.stages.map((s) => `${s.stageId}@${s.startedOn}`).join(';'),
      },
    ],
    () =>
      [...record.engagements]
        .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
        .map((engagement) => ({ engagement })),
  );

  const participantsAt = (i: Interaction, level: (typeof levels)[number]): number | null =>
    i.participants.counts[level] ?? null;
  const interactions = table<Placed>(
    'data/interactions.csv',
    'One row per live interaction (support contact). Notes and next-step texts are not exported.',
    [
      ...placedColumns,
      {
        name: 'partner_id',
        type: 'pseudonym',
        allowed: 'P-…',
        meaning: 'The partner of the engagement.',
        value: (r) => pseudonym('partner', r.engagement.partnerId),
      },
      {
        name: 'logged_by',
        type: 'pseudonym',
        allowed: 'U-…',
        meaning: 'The user (usually the ISP) who logged the interaction.',
        value: (r) => pseudonym('user', r.interaction.loggedBy),
      },
      {
        name: 'model_id',
        type: 'text',
        allowed: choices([...new Set(record.models.map((m) => m.id))]),
        meaning: 'Practice model the interaction was recorded under.',
        value: (r) => r.interaction.modelId,
      },
      {
        name: 'model_version',
        type: 'text',
        allowed: 'semantic version',
        meaning: 'Version of that practice model.',
        value: (r) => r.interaction.modelVersion,
      },
      {
        name: 'time',
        type: 'time',
        allowed: 'HH:MM, or empty',
        meaning: 'Time of day the interaction began, when recorded.',
        value: (r) => r.interaction.time,
      },
      {
        name: 'duration_minutes',
        type: 'integer',
        allowed: '1–1440',
        meaning: 'Length of the interaction in minutes: the dose.',
        value: (r) => r.interaction.durationMinutes,
      },
      {
        name: 'mode',
        type: 'text',
        allowed: choices(interactionModes),
        meaning: 'How the support was delivered.',
        value: (r) => r.interaction.mode,
      },
      {
        name: 'stage_id',
        type: 'text',
        allowed: `${labelled(labels.stages)}; or empty`,
        meaning: 'Stage of the engagement at the interaction.',
        value: (r) => r.interaction.stageId,
      },
      {
        name: 'components_used',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Core practice components used (rows in data/component_minutes.csv).',
        value: (r) => r.interaction.components.length,
      },
      {
        name: 'component_minutes',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Minutes attributed to components, summed (may differ from duration_minutes).',
        value: (r) => r.interaction.components.reduce((s, c) => s + c.minutes, 0),
      },
      {
        name: 'activities_used',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Practice activities used (rows in data/activities.csv).',
        value: (r) => r.interaction.components.reduce((s, c) => s + c.activityIds.length, 0),
      },
      {
        name: 'principles_used',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Principles applied (rows in data/principles.csv).',
        value: (r) => r.interaction.principles.length,
      },
      {
        name: 'contacts_present',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Named partner contacts present (rows in data/participants.csv).',
        value: (r) => r.interaction.participants.contactIds.length,
      },
      ...levels.map((level): Column<Placed> => ({
        name: `participants_${level}`,
        type: 'integer',
        allowed: '0, 1, …, or empty',
        meaning: `Anonymous head count of participants at the ${level} level, when recorded.`,
        value: (r) => participantsAt(r.interaction, level),
      })),
      {
        name: 'next_steps',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Number of next steps agreed (their texts are not exported).',
        value: (r) => r.interaction.nextSteps.length,
      },
    ],
    placed,
  );

  const participants = table<Placed & { contactId: string }>(
    'data/participants.csv',
    'One row per named partner contact present at an interaction.',
    [
      ...placedColumns,
      {
        name: 'contact_id',
        type: 'pseudonym',
        allowed: 'C-…',
        meaning: 'The partner contact present.',
        value: (r) => pseudonym('contact', r.contactId),
      },
      {
        name: 'contact_level',
        type: 'text',
        allowed: `${choices(levels)}, or empty`,
        meaning: 'The level at which the contact takes part.',
        value: (r) => contactLevel.get(r.contactId) ?? null,
      },
    ],
    () => expand((p) => p.interaction.participants.contactIds.map((contactId) => ({ ...p, contactId }))),
  );

  type ComponentRow = Placed & { componentId: string; minutes: number; activityIds: string[] };
  const componentsOf = (p: Placed): ComponentRow[] => p.interaction.components.map((c) => ({ ...p, ...c }));
  const componentId: Column<{ componentId: string }> = {
    name: 'component_id',
    type: 'text',
    allowed: componentLabels,
    meaning: 'Core practice component (labels from the model).',
    value: (r) => r.componentId,
  };
  const componentMinutes = table<ComponentRow>(
    'data/component_minutes.csv',
    'One row per component used in an interaction (interaction × component).',
    [
      ...placedColumns,
      componentId,
      {
        name: 'component_group',
        type: 'text',
        allowed: labelled(labels.groups),
        meaning: 'The group the component belongs to in the model.',
        value: (r) => labels.components.get(r.componentId)?.group ?? null,
      },
      {
        name: 'minutes',
        type: 'integer',
        allowed: '1–1440',
        meaning: 'Minutes spent on the component in the interaction.',
        value: (r) => r.minutes,
      },
      {
        name: 'activities_used',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Practice activities of the component used.',
        value: (r) => r.activityIds.length,
      },
    ],
    () => expand(componentsOf),
  );

  const activities = table<ComponentRow & { activityId: string }>(
    'data/activities.csv',
    'One row per practice activity used in an interaction (interaction × component × activity).',
    [
      ...placedColumns,
      componentId,
      {
        name: 'activity_id',
        type: 'text',
        allowed: labelled(labels.activities),
        meaning: 'Practice activity, unique within its component; listed here as component_id/activity_id = label.',
        value: (r) => r.activityId,
      },
    ],
    () => expand((p) => componentsOf(p).flatMap((c) => c.activityIds.map((activityId) => ({ ...c, activityId })))),
  );

  const principles = table<Placed & { principleId: string; rating: number | null }>(
    'data/principles.csv',
    'One row per principle applied in an interaction (interaction × principle).',
    [
      ...placedColumns,
      {
        name: 'principle_id',
        type: 'text',
        allowed: labelled(labels.principles),
        meaning: 'Practice principle (labels from the model).',
        value: (r) => r.principleId,
      },
      {
        name: 'rating',
        type: 'integer',
        allowed: '1–5, or empty',
        meaning: 'Self-rating of how fully the principle was applied, 1 (barely) to 5 (fully), when given.',
        value: (r) => r.rating,
      },
    ],
    () => expand((p) => p.interaction.principles.map((u) => ({ ...p, principleId: u.principleId, rating: u.rating }))),
  );

  type OutcomeRow = {
    engagement: Engagement;
    wave: Wave;
    waveNumber: number;
    series: EngagementOutcomes['series'][number];
    point: EngagementOutcomes['series'][number]['points'][number];
  };
  const outcomeRows = (): OutcomeRow[] => {
    const rows: OutcomeRow[] = [];
    for (const outcomes of record.outcomes) {
      const engagement = engagementById.get(outcomes.engagementId);
      if (!engagement) continue;
      const waveOrder = [
        ...new Set(outcomes.series.flatMap((s) => s.points.map((p) => `${p.date}|${p.waveId}`))),
      ].sort();
      for (const series of outcomes.series) {
        for (const point of series.points) {
          const wave = waveById.get(point.waveId);
          if (wave)
            rows.push({
              engagement,
              wave,
              waveNumber: waveOrder.indexOf(`${point.date}|${point.waveId}`) + 1,
              series,
              point,
            });
        }
      }
    }
    return rows;
  };
  const outcomes = table<OutcomeRow>(
    'data/outcomes.csv',
    'One row per engagement × wave × score × level × unit: survey scores summarized by level. Individual answers are not exported.',
    [
      engagementId,
      {
        name: 'wave_id',
        type: 'pseudonym',
        allowed: 'W-…',
        meaning: 'The measurement wave.',
        value: (r) => pseudonym('wave', r.wave.id),
      },
      {
        name: 'wave_kind',
        type: 'text',
        allowed: 'baseline, follow-up, ad-hoc',
        meaning: 'Kind of wave.',
        value: (r) => r.wave.kind,
      },
      {
        name: 'wave_number',
        type: 'integer',
        allowed: '1, 2, …',
        meaning: 'Order of the wave within the engagement, by date.',
        value: (r) => r.waveNumber,
      },
      {
        name: 'wave_date',
        type: 'date',
        allowed: 'YYYY-MM-DD',
        meaning: 'Date of the wave (its scheduled date, else the day it was created).',
        value: (r) => r.point.date,
      },
      {
        name: 'relationship_month',
        type: 'integer',
        allowed: '…, 0, 1, 2, …',
        meaning: 'Month of the relationship in which the wave falls (0 or less: before the start).',
        value: (r) => relationshipMonth(r.engagement.startDate, r.point.date),
      },
      {
        name: 'outcome_id',
        type: 'text',
        allowed: `${labelled(labels.outcomes)}; or empty when the score maps to no outcome`,
        meaning: 'The model outcome the score measures.',
        value: (r) => r.series.outcomeId,
      },
      {
        name: 'level',
        type: 'text',
        allowed: choices(levels),
        meaning: 'The level at which the outcome is measured.',
        value: (r) => r.series.level,
      },
      {
        name: 'instrument_id',
        type: 'text',
        allowed: 'instrument ids (see redcap/)',
        meaning: 'The instrument that produced the score.',
        value: (r) => r.series.instrumentId,
      },
      {
        name: 'score_id',
        type: 'text',
        allowed: 'score ids of the instrument',
        meaning: 'The score (total or subscale) of the instrument.',
        value: (r) => r.series.scoreId,
      },
      {
        name: 'score_name',
        type: 'text',
        allowed: 'names from the instrument',
        meaning: 'Name of the score.',
        value: (r) => r.series.name,
      },
      {
        name: 'source',
        type: 'text',
        allowed: 'respondents, members, rating',
        meaning:
          'respondents: individual scores summarized; members: a unit’s score as the mean of its members; rating: a rating of the unit itself.',
        value: (r) => r.point.source,
      },
      {
        name: 'unit_id',
        type: 'pseudonym',
        allowed: 'P-…, or empty for respondents',
        meaning: 'The partner unit (team, organization, system) the row describes.',
        value: (r) => nullablePseudonym(pseudonym, 'partner', r.point.partnerId),
      },
      {
        name: 'n',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Scores summarized (missing scores left out).',
        value: (r) => r.point.n,
      },
      {
        name: 'mean',
        type: 'number',
        allowed: 'or empty when n = 0',
        meaning: 'Mean score.',
        value: (r) => r.point.mean,
      },
      {
        name: 'sd',
        type: 'number',
        allowed: 'or empty when n < 2',
        meaning: 'Sample standard deviation (n − 1).',
        value: (r) => r.point.sd,
      },
      {
        name: 'min',
        type: 'number',
        allowed: 'or empty when n = 0',
        meaning: 'Lowest score.',
        value: (r) => r.point.min,
      },
      {
        name: 'max',
        type: 'number',
        allowed: 'or empty when n = 0',
        meaning: 'Highest score.',
        value: (r) => r.point.max,
      },
      {
        name: 'missing',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Respondents whose score was missing (too few items answered).',
        value: (r) => r.point.missing,
      },
    ],
    outcomeRows,
  );

  // Praxis's own descriptives, computed by the same functions as the dashboard, for analysis.R to check against.
  const month: Column<{ month: number }> = {
    name: 'relationship_month',
    type: 'integer',
    allowed: '1, 2, …',
    meaning: 'Month of the relationship.',
    value: (r) => r.month,
  };
  const doseByMonth = table(
    'results/dose_by_month.csv',
    'Computed by Praxis: minutes per engagement in each month of the relationship, over the engagements that had reached the month (months without contact count as zero). Quantiles: R quantile(type = 7) (Hyndman & Fan 1996).',
    [
      month,
      {
        name: 'engagements',
        type: 'integer',
        allowed: '1, 2, …',
        meaning: 'Engagements that had reached the month.',
        value: (r) => r.engagements,
      },
      {
        name: 'with_contact',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Of them, those with any interaction in the month.',
        value: (r) => r.withContact,
      },
      { name: 'mean', type: 'number', allowed: '', meaning: 'Mean minutes.', value: (r) => r.mean },
      { name: 'median', type: 'number', allowed: '', meaning: 'Median minutes.', value: (r) => r.median },
      { name: 'q1', type: 'number', allowed: '', meaning: 'First quartile of minutes (type 7).', value: (r) => r.q1 },
      { name: 'q3', type: 'number', allowed: '', meaning: 'Third quartile of minutes (type 7).', value: (r) => r.q3 },
      {
        name: 'total_minutes',
        type: 'integer',
        allowed: '',
        meaning: 'Minutes summed over the engagements.',
        value: (r) => r.totalMinutes,
      },
    ],
    () => doseByRelationshipMonthAcrossEngagements(record.summary.engagementMonths, monthsReached),
  );
  const componentMix = table(
    'results/component_mix.csv',
    'Computed by Praxis: share of component minutes by component in each month of the relationship, pooled over engagements.',
    [
      month,
      componentId,
      {
        name: 'share',
        type: 'number',
        allowed: '0–1',
        meaning: 'Share of the month’s component minutes spent on the component.',
        value: (r) => r.share,
      },
    ],
    () =>
      componentMixOverRelationship(record.summary.componentMonths).flatMap((m) =>
        Object.entries(m.shares)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([id, share]) => ({ month: m.month, componentId: id, share })),
      ),
  );

  const model = researchMixedModel(record, outcomeRows(), monthsReached);
  const mixedModel = table(
    'results/mixed_model.csv',
    `Computed by Praxis: the linear mixed model analysis.R fits, with a random intercept per engagement, by REML (as lme4::lmer(REML = TRUE); Bates et al. 2015). ${model.description} No rows when no model can be fitted (fewer than two engagements).`,
    [
      { name: 'formula', type: 'text', allowed: '', meaning: 'The model, in lme4 notation.', value: (r) => r.formula },
      {
        name: 'series',
        type: 'text',
        allowed: 'outcome_id / level / instrument_id / score_id, or empty',
        meaning:
          'The outcome score modelled (rows of data/outcomes.csv with source respondents); empty for minutes per month.',
        value: (r) => r.series,
      },
      {
        name: 'term',
        type: 'text',
        allowed: '(Intercept), dose_hours, relationship_month, engagement_id (variance), Residual (variance)',
        meaning: 'A fixed effect, or a variance component.',
        value: (r) => r.term,
      },
      {
        name: 'estimate',
        type: 'number',
        allowed: '',
        meaning: 'Coefficient estimate, or the variance.',
        value: (r) => r.estimate,
      },
      {
        name: 'se',
        type: 'number',
        allowed: 'or empty for a variance',
        meaning: 'Standard error of the coefficient.',
        value: (r) => r.se,
      },
    ],
    () => model.rows,
  );

  return [
    engagements,
    interactions,
    participants,
    componentMinutes,
    activities,
    principles,
    outcomes,
    doseByMonth,
    componentMix,
    mixedModel,
  ];
}

interface ModelRow {
  formula: string;
  series: string;
  term: string;
  estimate: number;
  se: number | null;
}

/**
 * The model analysis.R fits: for the outcome score (source respondents) measured in the most engagements,
 * at least three and with more waves than engagements, the wave's mean score against the hours of
 * support before the wave; otherwise minutes per engagement-month against the month of the relationship.
 */
function researchMixedModel(
  record: ResearchRecord,
  outcomeRows: readonly {
    engagement: Engagement;
    series: EngagementOutcomes['series'][number];
    point: EngagementOutcomes['series'][number]['points'][number];
  }[],
  monthsReached: ReadonlyMap<string, number>,
): { description: string; rows: ModelRow[] } {
  const bySeries = new Map<string, typeof outcomeRows>();
  for (const row of outcomeRows) {
    if (row.point.source !== 'respondents' || row.point.mean === null) continue;
    const key = [row.series.outcomeId ?? 'NA', row.series.level, row.series.instrumentId, row.series.scoreId].join(
      ' / ',
    );
    bySeries.set(key, [...(bySeries.get(key) ?? []), row]);
  }
  const reach = (rows: typeof outcomeRows): number => new Set(rows.map((r) => r.engagement.id)).size;
  const candidates = [...bySeries]
    .filter(([, rows]) => reach(rows) >= 3 && rows.length > reach(rows))
    .sort(([a, x], [b, y]) => reach(y) - reach(x) || (a < b ? -1 : 1));
  const chosen = candidates[0];
  let fit: {
    formula: string;
    series: string;
    outcome: number[];
    predictor: { name: string; values: number[] };
    group: string[];
  };
  if (chosen) {
    const [series, rows] = chosen;
    const hoursBefore = (engagementId: string, date: string): number =>
      (record.summary.minutesUpTo.get(dayKey(engagementId, date)) ?? 0) / 60;
    fit = {
      formula: 'mean ~ dose_hours + (1 | engagement_id)',
      series,
      outcome: rows.map((r) => r.point.mean!),
      predictor: { name: 'dose_hours', values: rows.map((r) => hoursBefore(r.engagement.id, r.point.date)) },
      group: rows.map((r) => r.engagement.id),
    };
  } else {
    const minutes = new Map<string, number>();
    for (const m of record.summary.engagementMonths)
      minutes.set(
        `${m.engagementId}|${m.relationshipMonth}`,
        (minutes.get(`${m.engagementId}|${m.relationshipMonth}`) ?? 0) + m.minutes,
      );
    const grid = record.engagements.flatMap((e) =>
      Array.from({ length: monthsReached.get(e.id) ?? 0 }, (_, i) => ({ engagementId: e.id, month: i + 1 })),
    );
    fit = {
      formula: 'minutes ~ relationship_month + (1 | engagement_id)',
      series: '',
      outcome: grid.map((c) => minutes.get(`${c.engagementId}|${c.month}`) ?? 0),
      predictor: { name: 'relationship_month', values: grid.map((c) => c.month) },
      group: grid.map((c) => c.engagementId),
    };
  }
  const description = chosen
    ? `Dose → outcome: ${fit.formula} for ${fit.series}.`
    : `No outcome was measured in three or more engagements, so: ${fit.formula}.`;
  if (new Set(fit.group).size < 2) return { description, rows: [] };
  let result: ReturnType<typeof fitRandomInterceptModel>;
  try {
    result = fitRandomInterceptModel({ outcome: fit.outcome, predictors: [fit.predictor], group: fit.group });
  } catch (error) {
    // The data admit no model (a constant outcome, say): the export still goes out, saying why this table is empty.
    if (!(error instanceof AppError)) throw error;
    return { description: `${description} No model could be fitted to the exported data: ${error.message}.`, rows: [] };
  }
  const row = (term: string, estimate: number, se: number | null): ModelRow => ({
    formula: fit.formula,
    series: fit.series,
    term,
    estimate,
    se,
  });
  return {
    description,
    rows: [
      ...result.fixedEffects.map((f) => row(f.term, f.estimate, f.se)),
      row('engagement_id (variance)', result.variance.group, null),
      row('Residual (variance)', result.variance.residual, null),
    ],
  };
}

const nullablePseudonym = (pseudonym: Pseudonymizer, kind: 'partner', id: string | null | undefined): string | null =>
  id ? pseudonym(kind, id) : null;
