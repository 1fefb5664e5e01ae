import type { InteractionInput } from '../../domain/support/schemas.ts';
import { fieldLabel, readableValue } from '../history/readable-change.ts';
import type { NameOf } from '../history/readable-change.ts';

/** Side-by-side comparison of two versions of an interaction, field by field. */

export interface DiffRow {
  field: string;
  label: string;
  yours: string;
  theirs: string;
  differs: boolean;
}

const comparedFields = ['date', 'time', 'durationMinutes', 'mode', 'stageId', 'participants', 'components', 'principles', 'notes', 'nextSteps'] as const;

export function interactionDiff(yours: InteractionInput, theirs: InteractionInput, nameOf: NameOf = () => undefined): DiffRow[] {
  return comparedFields.map((field) => {
    const mine = readableValue(yours[field], nameOf);
    const current = readableValue(theirs[field], nameOf);
    return { field, label: fieldLabel(field), yours: mine, theirs: current, differs: JSON.stringify(yours[field]) !== JSON.stringify(theirs[field]) };
  });
}
