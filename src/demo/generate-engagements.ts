import type { PracticeModel } from '../model/schema.ts';
import type { StageChange } from '../domain/support/schemas.ts';
import { addDays, daysBetween, later, nearestWorkingDay } from './calendar.ts';
import type { DemoEngagement, DemoPractitioner } from './dataset.ts';
import type { DemoRegion } from './generate-network.ts';
import type { Random } from './random.ts';

/**
 * One engagement per region. Starts are staggered over the first ~30% of the demo window, more of
 * them early (as regions joined a statewide rollout in waves); each moves through the model's stages
 * in order, and a few end before the demo does.
 */

const DAYS_PER_MONTH = 30.44;

/** How many months each stage lasts before the next begins, by position: [shortest, longest]. */
const stageMonths: Array<[number, number]> = [
  [4, 8],
  [10, 18],
  [18, 32],
];
const laterStageMonths: [number, number] = [12, 20];

/** How many engagements end before the demo window closes. */
const ENDED_ENGAGEMENTS = 3;

const goalTemplates = [
  'Form a regional implementation team that meets monthly',
  'Agree a written implementation plan with roles and timelines',
  'Deliver the program with fidelity to at least 80% of planned families',
  'Review implementation data at every team meeting and act on it',
  'Sustain the program with local funding and local leadership',
  'Coordinate referrals across the agencies of the region',
];

/** Dated stages from the engagement's start, in model order, none after `until`. */
function generateStages(random: Random, model: PracticeModel, startDate: string, until: string): StageChange[] {
  const stages: StageChange[] = [];
  let startedOn = startDate;
  for (let k = 0; k < model.stages.length; k++) {
    if (startedOn > until) break;
    stages.push({ stageId: model.stages[k]!.id, startedOn });
    const [shortest, longest] = stageMonths[k] ?? laterStageMonths;
    startedOn = addDays(startedOn, Math.round(random.between(shortest, longest) * DAYS_PER_MONTH));
  }
  return stages;
}

export function generateEngagements(
  random: Random,
  model: PracticeModel,
  regions: readonly DemoRegion[],
  practitioners: readonly DemoPractitioner[],
  window: { start: string; end: string },
): DemoEngagement[] {
  const windowDays = daysBetween(window.start, window.end);
  const rolloutDays = Math.round(windowDays * 0.3);
  const order = random.sample(
    regions.map((_, i) => i),
    regions.length,
  );

  const engagements = order.map((regionIndex, wave): DemoEngagement => {
    const region = regions[regionIndex]!;
    // A convex curve puts more starts early in the rollout; the first region starts on the first day.
    const position = regions.length > 1 ? wave / (regions.length - 1) : 0;
    const jitter = wave === 0 ? 0 : random.int(-10, 10);
    const offset = Math.min(rolloutDays, Math.max(0, Math.round(rolloutDays * position ** 1.3) + jitter));
    const startDate = nearestWorkingDay(addDays(window.start, offset), window.start, window.end);

    const primary = practitioners[wave % practitioners.length];
    const others = practitioners.filter((p) => p !== primary);
    const supportTeam = [primary, ...(random.chance(0.5) ? random.sample(others, 1) : [])].filter(
      (p) => p !== undefined,
    );

    return {
      key: `engagement-${String(wave + 1).padStart(2, '0')}`,
      partnerKey: region.partnerKey,
      supportTeamKeys: supportTeam.map((p) => p.key),
      name: `Implementation support for ${region.name} (synthetic)`,
      startDate,
      endDate: null,
      modelId: model.id,
      modelVersion: model.version,
      stages: generateStages(random, model, startDate, window.end),
      goals: random.sample(goalTemplates, random.int(2, 3)),
    };
  });

  // The earliest engagements are the ones that can have run their course; some of them end, after
  // at least two years and with a couple of months of the window left, so the ending shows.
  const candidates = engagements.slice(0, Math.ceil(engagements.length / 2));
  for (const engagement of random.sample(candidates, ENDED_ENGAGEMENTS)) {
    const lastStage = engagement.stages.at(-1)?.startedOn ?? engagement.startDate;
    const earliest = later(addDays(engagement.startDate, 730), addDays(lastStage, 120));
    const latest = addDays(window.end, -60);
    if (earliest > latest) continue;
    engagement.endDate = nearestWorkingDay(
      addDays(earliest, random.int(0, daysBetween(earliest, latest))),
      earliest,
      latest,
    );
  }
  return engagements;
}
