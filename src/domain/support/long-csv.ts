import { csvCell, csvLine } from '../csv.ts';
import { longColumns } from './interaction-table.ts';
import { participantCountsCell, principleCell, type TableInteraction } from './interaction-rows.ts';

/**
 * The long layout written straight as CSV text, for an export writes millions of its rows: the cells an
 * interaction's rows share are made into text once, before and after the component's three cells,
 * and no array is built per row. The text is exactly that of `longRows` written with `csvLine`, a
 * line feed after each record.
 */

/** The header record of the long layout, with its line feed. */
export const longCsvHeader = (): string => `${csvLine(longColumns)}\n`;

/** The records of one interaction in the long layout (`longRows`), each ending in a line feed. */
export function longCsvRecords(interaction: TableInteraction): string {
  const before =
    `${csvCell(interaction.id)},${csvCell(interaction.engagementId)},${csvCell(interaction.date)},` +
    `${csvCell(interaction.time ?? '')},${csvCell(String(interaction.durationMinutes))},` +
    `${csvCell(interaction.mode)},${csvCell(interaction.stageId ?? '')},`;
  const after =
    `,${csvCell(principleCell(interaction))},${csvCell(participantCountsCell(interaction))},` +
    `${csvCell(interaction.notes)}\n`;
  if (interaction.components.length === 0) return `${before},,${after}`;
  let text = '';
  for (const use of interaction.components)
    text += `${before}${csvCell(use.componentId)},${csvCell(String(use.minutes))},${csvCell(use.activityIds.join(';'))}${after}`;
  return text;
}
