import { relationshipMonth } from '../../domain/support/months.ts';
import type { StageChange } from '../../domain/support/schemas.ts';
import { quantileType7 } from './quantiles.ts';

/** One stage of one engagement: when it began (month of relationship) and how long it lasted. */
export interface StageSpell {
  stageId: string;
  startedOn: string;
  /** The day the next stage began, or the engagement's end or `today` while it is current. */
  endedOn: string;
  startMonth: number;
  days: number;
  current: boolean;
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The stages of one engagement as dated spells, oldest first (stage changes after `today` are left out). */
export function stageSpells(
  engagement: { startDate: string; endDate: string | null; stages: readonly StageChange[] },
  today: string,
): StageSpell[] {
  const last = engagement.endDate !== null && engagement.endDate < today ? engagement.endDate : today;
  const started = engagement.stages
    .filter((s) => s.startedOn <= last)
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  return started.map((stage, i) => {
    const next = started[i + 1];
    const endedOn = next ? next.startedOn : last;
    return {
      stageId: stage.stageId,
      startedOn: stage.startedOn,
      endedOn,
      startMonth: Math.max(1, relationshipMonth(engagement.startDate, stage.startedOn)),
      days: Math.max(0, daysBetween(stage.startedOn, endedOn)),
      current: !next,
    };
  });
}

export interface StageTiming {
  stageId: string;
  /** Engagements that entered the stage. */
  engagements: number;
  /** Of them, how many are in it now. */
  current: number;
  /** Median month of relationship at entry (R type-7 quantile); null when no engagement entered it. */
  medianStartMonth: number | null;
  /** Median days in the stage over completed spells only; null when none was completed. */
  medianDaysCompleted: number | null;
  completed: number;
}

/** Stage timing across engagements: when each stage of the model begins and how long completed stages last. */
export function stageTiming(
  spellsByEngagement: readonly (readonly StageSpell[])[],
  stageOrder: readonly string[],
): StageTiming[] {
  const median = (values: number[]): number | null =>
    values.length
      ? quantileType7(
          values.sort((a, b) => a - b),
          0.5,
        )
      : null;
  // Per stage, each engagement's first spell in it (an engagement can come back to a stage), in engagement order.
  const entered = new Map<string, StageSpell[]>(stageOrder.map((stageId) => [stageId, []]));
  for (const spells of spellsByEngagement) {
    spells.forEach((spell, i) => {
      if (spells.findIndex((s) => s.stageId === spell.stageId) === i) entered.get(spell.stageId)?.push(spell);
    });
  }
  return stageOrder.map((stageId) => {
    const spells = entered.get(stageId)!;
    const completed = spells.filter((s) => !s.current);
    return {
      stageId,
      engagements: spells.length,
      current: spells.length - completed.length,
      medianStartMonth: median(spells.map((s) => s.startMonth)),
      medianDaysCompleted: median(completed.map((s) => s.days)),
      completed: completed.length,
    };
  });
}
