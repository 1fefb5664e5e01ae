import type { InteractionInput } from '../../src/domain/support/schemas.ts';
import type { Random } from '../../src/demo/random.ts';
import type { PracticeModel } from '../../src/model/schema.ts';

/**
 * Interactions for the benches, built as complete `InteractionInput` values (every default filled in),
 * so that they can be sent over HTTP or turned into rows exactly as the repositories would.
 */

/** A typical interaction as issue 4 describes it: three components, five practice activities. */
export function typicalInteraction(engagementId: string, date: string): InteractionInput {
  return {
    engagementId,
    date,
    time: '10:00',
    durationMinutes: 90,
    mode: 'video',
    stageId: null,
    participants: { contactIds: [], counts: { team: 4, organization: 1 } },
    components: [
      { componentId: 'relating', minutes: 20, activityIds: ['agree-roles', 'check-in'] },
      { componentId: 'assessing', minutes: 40, activityIds: ['review-data', 'facilitate-assessment'] },
      { componentId: 'co-designing', minutes: 25, activityIds: ['set-goals'] },
    ],
    principles: [{ principleId: 'relationship-centered', rating: 4 }],
    notes: 'Reviewed readiness survey results with the leadership team.',
    nextSteps: [{ text: 'Share the summary', owner: 'ISP', dueDate: addDays(date, 7), done: false }],
  };
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const modes = ['in-person', 'video', 'video', 'phone', 'email', 'other'] as const;
const notes = [
  'Reviewed the readiness survey with the leadership team.',
  'Planned the next training cohort and agreed who leads each session.',
  'Walked through the fidelity dashboard; two sites need follow-up.',
  'Coached the supervisor on giving feedback after observed sessions.',
  '',
];

/** `HH:MM`, `minutes` after 08:00. */
const clockTime = (minutes: number): string =>
  `${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** Quarter hours from 08:00 to 17:45: when the varied interactions start. */
const quarterHours = Array.from({ length: 40 }, (_, i) => clockTime(i * 15));
/** Every minute from 08:00 to 17:59, for a day with more interactions than quarter hours. */
const workingMinutes = Array.from({ length: 600 }, (_, m) => clockTime(m));

/**
 * A start time none of `taken` has (and adds it there). Two interactions of one engagement at the same
 * date and time with the same duration and components are one interaction logged twice, which the
 * import refuses; drawn freely, 1,000,000 interactions held about 2 such pairs in 100,000.
 */
function freeStartTime(random: Random, taken: Set<string>): string {
  let time = random.pick(quarterHours);
  if (taken.has(time)) {
    const free = quarterHours.filter((t) => !taken.has(t));
    time = free.length > 0 ? random.pick(free) : workingMinutes.find((t) => !taken.has(t))!;
  }
  taken.add(time);
  return time;
}

/**
 * A varied interaction on `date` in the given stage: one to four components, weighted towards the
 * components the stage emphasizes, each with one to three of its activities; minutes that fit the duration.
 * `takenTimes` holds the start times of the engagement's other interactions on that date: this one starts
 * at another, so that no two are duplicates.
 */
export function variedInteraction(
  random: Random,
  model: PracticeModel,
  engagementId: string,
  date: string,
  stageId: string,
  takenTimes: Set<string> = new Set(),
): InteractionInput {
  const stage = model.stages.find((s) => s.id === stageId);
  const emphasized = new Set(stage?.emphasizes ?? []);
  const weights = model.components.map((c) => (emphasized.has(c.id) ? 4 : 1));
  const chosen = random.weightedSample(model.components, weights, random.int(1, 4));
  const durationMinutes = random.pick([30, 45, 60, 60, 90, 120]);
  let left = durationMinutes;
  const components = chosen.map((component, i) => {
    const share = i === chosen.length - 1 ? left : Math.max(1, Math.floor(left * random.between(0.2, 0.6)));
    const minutes = Math.max(1, Math.min(left - (chosen.length - 1 - i), share));
    left -= minutes;
    const activityIds = random.sample(component.activities, random.int(1, 3)).map((a) => a.id);
    return { componentId: component.id, minutes, activityIds };
  });
  const principles = random
    .sample(model.principles, random.int(0, 2))
    .map((p) => ({ principleId: p.id, rating: random.chance(0.5) ? random.int(2, 5) : null }));
  const nextSteps = random.chance(0.6)
    ? [
        {
          text: 'Follow up on the agreed actions',
          owner: 'ISP',
          dueDate: addDays(date, random.int(3, 30)),
          done: random.chance(0.7),
        },
      ]
    : [];
  return {
    engagementId,
    date,
    time: freeStartTime(random, takenTimes),
    durationMinutes,
    mode: random.pick(modes),
    stageId,
    participants: { contactIds: [], counts: { team: random.int(1, 8) } },
    components,
    principles,
    notes: random.pick(notes),
    nextSteps,
  };
}
