import type { ExitCriterion, PracticeModel } from '../../model/schema.ts';
import type { ErrorDetail } from '../errors.ts';

export interface StageExit {
  /** The stage being left, or null when the engagement enters its first stage. */
  fromStageId: string | null;
  criteria: ExitCriterion[];
  unmet: ExitCriterion[];
}

/** The exit criteria of the stage an engagement leaves, and which of them the person moving it did not mark met. */
export function stageExit(model: PracticeModel, fromStageId: string | null, criteriaMet: readonly string[]): StageExit {
  const criteria = model.stages.find((stage) => stage.id === fromStageId)?.exitCriteria ?? [];
  const met = new Set(criteriaMet);
  return { fromStageId, criteria, unmet: criteria.filter((criterion) => !met.has(criterion.id)) };
}

/**
 * Checks a move to the next stage against the exit criteria of the stage left: criteria marked met
 * must exist, and moving on with any unmet needs a reason (kept in the engagement's history).
 */
export function checkStageExit(
  model: PracticeModel,
  fromStageId: string | null,
  move: { criteriaMet?: readonly string[]; reason?: string },
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const exit = stageExit(model, fromStageId, move.criteriaMet ?? []);
  const known = new Set(exit.criteria.map((criterion) => criterion.id));
  (move.criteriaMet ?? []).forEach((id, i) => {
    if (!known.has(id))
      problems.push({
        path: `criteriaMet[${i}]`,
        message: `"${id}" is not an exit criterion of stage "${fromStageId ?? ''}" in model ${model.id}@${model.version}`,
      });
  });
  if (exit.unmet.length > 0 && (move.reason ?? '').trim() === '')
    problems.push({
      path: 'reason',
      message: `is required: exit criteria not met (${exit.unmet.map((criterion) => criterion.id).join(', ')})`,
    });
  return problems;
}
