import { stageOn } from '../domain/support/interaction-rules.ts';
import type { ComponentUse, InteractionMode, Level, NextStep, PrincipleUse } from '../domain/support/schemas.ts';
import type { PracticeActivity, PracticeModel } from '../model/schema.ts';
import { addDays, daysBetween, nearestWorkingDay } from './calendar.ts';
import { chooseComponents, earlyComponentIds } from './component-mix.ts';
import { remoteFrom } from './demo-window.ts';
import type { DemoContact, DemoInteraction, DemoPractitioner } from './dataset.ts';
import type { DemoRegion } from './generate-network.ts';
import type { ScheduledInteraction } from './interaction-schedule.ts';
import type { Random } from './random.ts';

/**
 * The content of each scheduled interaction: how long it ran and how, which components took how many
 * minutes, which activities and principles, who took part, a plainly synthetic note and sometimes
 * next steps. Early meetings are long and later ones shorter, so the monthly dose falls.
 */

export interface InteractionSetting {
  model: PracticeModel;
  window: { start: string; end: string };
  regionsByPartner: ReadonlyMap<string, DemoRegion>;
  contactsByKey: ReadonlyMap<string, DemoContact>;
  practitionersByKey: ReadonlyMap<string, DemoPractitioner>;
}

const modes: InteractionMode[] = ['in-person', 'video', 'phone', 'email', 'other'];
const modeWeightsBefore = [0.45, 0.32, 0.13, 0.06, 0.04];
const modeWeightsRemote = [0.08, 0.72, 0.12, 0.05, 0.03];

/** Ratings 1..5 as self-ratings tend to fall: mostly 3 to 5. */
const ratingWeights = [0.03, 0.1, 0.3, 0.37, 0.2];

const startTimes = Array.from(
  { length: 16 },
  (_, i) => `${String(8 + Math.floor((i + 1) / 2)).padStart(2, '0')}:${(i + 1) % 2 === 0 ? '00' : '30'}`,
);

const nextStepTemplates = [
  (topic: string) => `Send a summary of today's work on ${topic}`,
  (topic: string) => `Schedule the next session on ${topic}`,
  (topic: string) => `Share materials on ${topic} with the team`,
  (topic: string) => `Draft next actions on ${topic} and circulate them`,
];

const MINUTE_STEP = 5;

/** Component names start sentences in the model; inside a note they run on in lower case. */
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Typical length in minutes: about two and a half hours in the first month, settling near an hour,
 * and shorter as the network matures; phone calls are shorter, e-mail exchanges count as a quarter
 * or half hour. Never under 15 minutes, so there is always room for a component.
 */
function durationMinutes(random: Random, relationshipMonth: number, yearsIn: number, mode: InteractionMode): number {
  if (mode === 'email') return random.pick([15, 30]);
  const typical = (55 + 95 * Math.exp(-(relationshipMonth - 1) / 10)) * Math.exp(-0.08 * yearsIn);
  const minutes = typical * random.between(0.75, 1.25) * (mode === 'phone' ? 0.6 : 1);
  return Math.min(240, Math.max(15, Math.round(minutes / 15) * 15));
}

/**
 * Splits component time in whole 5-minute steps by share, every component at least one step, the sum
 * never over `available`. Callers pass at least as many steps as components.
 */
function splitMinutes(shares: readonly number[], available: number): number[] {
  const steps = Math.floor(available / MINUTE_STEP);
  const split = shares.map((share) => Math.max(1, Math.round(share * steps)));
  while (split.reduce((a, b) => a + b, 0) > steps) {
    const largest = split.indexOf(Math.max(...split));
    split[largest]! -= 1;
  }
  return split.map((s) => s * MINUTE_STEP);
}

function componentUses(
  random: Random,
  setting: InteractionSetting,
  activitiesOf: ReadonlyMap<string, readonly PracticeActivity[]>,
  early: ReadonlySet<string>,
  relationshipMonth: number,
  stageId: string | null,
  duration: number,
): ComponentUse[] {
  const available = Math.round(duration * random.between(0.8, 1));
  // A short interaction cannot hold more components than it has 5-minute steps.
  const chosen = chooseComponents(random, setting.model, early, { relationshipMonth, stageId }).slice(
    0,
    Math.max(1, Math.floor(available / MINUTE_STEP)),
  );
  const minutes = splitMinutes(
    chosen.map((c) => c.share),
    available,
  );
  return chosen.map((c, i) => {
    const activities = activitiesOf.get(c.componentId) ?? [];
    return {
      componentId: c.componentId,
      minutes: minutes[i]!,
      activityIds: random.sample(activities, random.int(1, 3)).map((a) => a.id),
    };
  });
}

function principleUses(random: Random, model: PracticeModel): PrincipleUse[] {
  if (!random.chance(0.85)) return [];
  return random.sample(model.principles, random.int(1, 3)).map((p) => ({
    principleId: p.id,
    rating: random.chance(0.35) ? random.weightedIndex(ratingWeights) + 1 : null,
  }));
}

/** Named contacts most of the time; head counts by level when a larger or anonymous group took part. */
function participants(
  random: Random,
  region: DemoRegion | undefined,
  stageIndex: number,
): { contactKeys: string[]; counts: Partial<Record<Level, number>> } {
  const local = region?.localContactKeys ?? [];
  if (local.length > 0 && random.chance(0.6)) {
    const contactKeys = random.sample(local, random.int(1, 4));
    // State staff join more often as support turns to sustaining and scaling.
    if (region && region.stateContactKeys.length > 0 && random.chance(0.08 + 0.06 * stageIndex))
      contactKeys.push(random.pick(region.stateContactKeys));
    return { contactKeys, counts: {} };
  }
  const counts: Partial<Record<Level, number>> = { team: random.int(2, 8) };
  if (random.chance(0.5)) counts.organization = random.int(1, 3);
  if (random.chance(0.3)) counts.individual = random.int(1, 12);
  if (random.chance(0.05 + 0.05 * stageIndex)) counts.system = random.int(1, 2);
  return { contactKeys: [], counts };
}

function nextSteps(
  random: Random,
  setting: InteractionSetting,
  date: string,
  topics: readonly string[],
  owners: readonly string[],
): NextStep[] {
  if (!random.chance(0.45)) return [];
  return random.sample(nextStepTemplates, random.int(1, 2)).map((template) => {
    const dueDate = nearestWorkingDay(addDays(date, random.int(7, 30)), addDays(date, 1), addDays(date, 40));
    // By the end of the demo most steps that fell due a few weeks earlier have been done; recent ones are still open.
    const done = daysBetween(dueDate, setting.window.end) > 21 && random.chance(0.85);
    return { text: template(random.pick(topics)), owner: random.pick(owners), dueDate, done };
  });
}

/** A note that reads like a practitioner's and says plainly that it was generated. */
function syntheticNote(
  mode: InteractionMode,
  regionName: string,
  topics: readonly string[],
  stageName: string | undefined,
): string {
  const how = {
    'in-person': 'Met in person',
    video: 'Video meeting',
    phone: 'Phone call',
    email: 'E-mail exchange',
    other: 'Contact',
  }[mode];
  // Semicolons, because component names often hold an "and" of their own.
  const about = topics.length > 0 ? ` on ${topics.join('; ')}` : '';
  const stage = stageName ? ` Stage: ${stageName}.` : '';
  return `Synthetic demo note: ${how} with ${regionName}${about}.${stage} Generated for the demo; not a real record.`;
}

export function generateInteractions(
  random: Random,
  setting: InteractionSetting,
  schedule: readonly ScheduledInteraction[],
): DemoInteraction[] {
  const { model } = setting;
  const early = earlyComponentIds(model);
  const componentNames = new Map(model.components.map((c) => [c.id, c.name]));
  const activitiesOf = new Map(model.components.map((c) => [c.id, c.activities]));
  const remoteOn = remoteFrom(setting.window.start);

  const interactions = schedule.map(({ engagement, date, relationshipMonth }): DemoInteraction => {
    const stageId = stageOn(engagement.stages, date);
    const stageIndex = Math.max(
      0,
      model.stages.findIndex((s) => s.id === stageId),
    );
    const stageName = model.stages.find((s) => s.id === stageId)?.name;
    const region = setting.regionsByPartner.get(engagement.partnerKey);
    const mode = modes[random.weightedIndex(date >= remoteOn ? modeWeightsRemote : modeWeightsBefore)]!;
    const duration = durationMinutes(random, relationshipMonth, daysBetween(setting.window.start, date) / 365.25, mode);
    const components = componentUses(random, setting, activitiesOf, early, relationshipMonth, stageId, duration);
    const present = participants(random, region, stageIndex);
    const loggedByKey =
      engagement.supportTeamKeys.length > 1 && random.chance(0.3)
        ? random.pick(engagement.supportTeamKeys.slice(1))
        : (engagement.supportTeamKeys[0] ?? '');

    const topics = components.map((c) => lowerFirst(componentNames.get(c.componentId) ?? c.componentId));
    const owners = [
      setting.practitionersByKey.get(loggedByKey)?.name,
      ...present.contactKeys.map((key) => setting.contactsByKey.get(key)?.name),
      `${region?.name ?? 'Partner'} team`,
    ].filter((owner): owner is string => owner !== undefined);

    return {
      engagementKey: engagement.key,
      loggedByKey,
      participantContactKeys: present.contactKeys,
      participantCounts: present.counts,
      date,
      time: random.chance(0.9) ? random.pick(startTimes) : null,
      durationMinutes: duration,
      mode,
      stageId,
      components,
      principles: principleUses(random, model),
      notes: syntheticNote(mode, region?.name ?? 'the partner', topics, stageName),
      nextSteps: nextSteps(random, setting, date, topics.length > 0 ? topics : ['the support plan'], owners),
    };
  });

  // Oldest first; the sort key is built once per interaction, not per comparison.
  return interactions
    .map((interaction) => ({
      interaction,
      order: `${interaction.date} ${interaction.time ?? '--:--'} ${interaction.engagementKey}`,
    }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ interaction }) => interaction);
}
