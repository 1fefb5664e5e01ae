import type { InteractionInput } from '../../domain/support/schemas.ts';
import type { NameOf } from '../history/readable-change.ts';
import { versionDiff } from '../history/version-diff.ts';
import type { DiffRow } from '../history/version-diff.ts';

const comparedFields = [
  'date',
  'time',
  'durationMinutes',
  'mode',
  'stageId',
  'participants',
  'components',
  'principles',
  'notes',
  'nextSteps',
] as const;

/** Side-by-side comparison of two versions of an interaction, field by field. */
export const interactionDiff = (yours: InteractionInput, theirs: InteractionInput, nameOf?: NameOf): DiffRow[] =>
  versionDiff(yours, theirs, comparedFields, nameOf);
