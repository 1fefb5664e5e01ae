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

/** `relationship-centered:4;data-informed` */
export const principleCell = (interaction: Interaction): string =>
  interaction.principles.map((p) => (p.rating === null ? p.principleId : `${p.principleId}:${p.rating}`)).join(';');

/** `individual=3;team=1`, levels in their fixed order. */
export const participantCountsCell = (interaction: Interaction): string =>
  levels
    .filter((level) => interaction.participants.counts[level] !== undefined)
    .map((level) => `${level}=${interaction.participants.counts[level]}`)
    .join(';');

/** The interaction-level cells, in `interactionColumns` order. */
function interactionCells(interaction: Interaction): Record<(typeof interactionColumns)[number], string> {
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

/** One row per component used (one row with empty component cells when none was). */
export function longRows(interaction: Interaction): string[][] {
  const shared = interactionCells(interaction);
  const uses = interaction.components.length > 0 ? interaction.components : [null];
  return uses.map((use) => {
    const cells: Record<string, string> = {
      ...shared,
      interaction_key: interaction.id,
      component_id: use?.componentId ?? '',
      component_minutes: use ? String(use.minutes) : '',
      activity_ids: use ? use.activityIds.join(';') : '',
    };
    return longColumns.map((column) => cells[column] ?? '');
  });
}

export const wideHeader = (componentIds: readonly string[]): string[] => wideColumns(componentIds);

/** One row per interaction, with minutes and activities under each component's columns. */
export function wideRow(interaction: Interaction, componentIds: readonly string[]): string[] {
  const cells: Record<string, string> = { ...interactionCells(interaction), interaction_key: interaction.id };
  for (const use of interaction.components) {
    cells[minutesColumn(use.componentId)] = String(use.minutes);
    cells[activitiesColumn(use.componentId)] = use.activityIds.join(';');
  }
  return wideColumns(componentIds).map((column) => cells[column] ?? '');
}
