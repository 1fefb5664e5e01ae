import type { PracticeModel } from '../../model/schema.ts';
import { activitiesColumn, interactionColumns, longColumns, minutesColumn, wideColumns } from './interaction-table.ts';
import { levels, type Interaction } from './schemas.ts';

/**
 * Interactions written back as table rows, in the same long and wide layouts the importer reads, so
 * an export can be imported again unchanged (docs/import-formats.md).
 */

/** The components with a column in a wide export: every component of the given models, first seen first. */
export function componentIdsOf(models: readonly PracticeModel[]): string[] {
  const ids = new Set<string>();
  for (const model of models) for (const component of model.components) ids.add(component.id);
  return [...ids];
}

/** What the long and wide layouts write of an interaction: all an export of them needs to read. */
export type TableInteraction = Pick<
  Interaction,
  | 'id'
  | 'engagementId'
  | 'date'
  | 'time'
  | 'durationMinutes'
  | 'mode'
  | 'stageId'
  | 'participants'
  | 'components'
  | 'principles'
  | 'notes'
>;

/** `relationship-centered:4;data-informed` */
export const principleCell = (interaction: TableInteraction): string =>
  interaction.principles.map((p) => (p.rating === null ? p.principleId : `${p.principleId}:${p.rating}`)).join(';');

/** `individual=3;team=1`, levels in their fixed order. */
export const participantCountsCell = (interaction: TableInteraction): string =>
  levels
    .filter((level) => interaction.participants.counts[level] !== undefined)
    .map((level) => `${level}=${interaction.participants.counts[level]}`)
    .join(';');

/** The interaction-level cells, in `interactionColumns` order. */
function interactionCells(interaction: TableInteraction): Record<(typeof interactionColumns)[number], string> {
  return {
    engagement_id: interaction.engagementId,
    date: interaction.date,
    time: interaction.time ?? '',
    duration_minutes: String(interaction.durationMinutes),
    mode: interaction.mode,
    stage_id: interaction.stageId ?? '',
    principle_ids: principleCell(interaction),
    participant_counts: participantCountsCell(interaction),
    notes: interaction.notes,
  };
}

export const longHeader = (): string[] => [...longColumns];

const longAt = (column: (typeof longColumns)[number]): number => longColumns.indexOf(column);
const [keyAt, componentAt, minutesAt, activitiesAt] = [
  longAt('interaction_key'),
  longAt('component_id'),
  longAt('component_minutes'),
  longAt('activity_ids'),
];

/**
 * One row per component used (one row with empty component cells when none was): the interaction's
 * cells are laid out once and copied per component, for an export writes millions of these rows.
 */
export function longRows(interaction: TableInteraction): string[][] {
  const shared: Record<string, string> = interactionCells(interaction);
  const base = longColumns.map((column) => shared[column] ?? '');
  base[keyAt] = interaction.id;
  if (interaction.components.length === 0) return [base];
  return interaction.components.map((use) => {
    const row = base.slice();
    row[componentAt] = use.componentId;
    row[minutesAt] = String(use.minutes);
    row[activitiesAt] = use.activityIds.join(';');
    return row;
  });
}

export const wideHeader = (componentIds: readonly string[]): string[] => wideColumns(componentIds);

/** One row per interaction, with minutes and activities under each component's columns. */
export function wideRow(interaction: TableInteraction, componentIds: readonly string[]): string[] {
  const cells: Record<string, string> = { ...interactionCells(interaction), interaction_key: interaction.id };
  for (const use of interaction.components) {
    cells[minutesColumn(use.componentId)] = String(use.minutes);
    cells[activitiesColumn(use.componentId)] = use.activityIds.join(';');
  }
  return wideColumns(componentIds).map((column) => cells[column] ?? '');
}
