import { daysBetween } from './calendar.ts';
import { demoWindow } from './demo-window.ts';
import type { DemoDataset, DemoOptions } from './dataset.ts';
import { generateEngagements } from './generate-engagements.ts';
import { generateInteractions } from './generate-interactions.ts';
import { generateNetwork } from './generate-network.ts';
import { scheduleInteractions } from './interaction-schedule.ts';
import { createRandom } from './random.ts';

export type {
  DemoContact,
  DemoDataset,
  DemoEngagement,
  DemoInteraction,
  DemoOptions,
  DemoPartner,
  DemoPractitioner,
} from './dataset.ts';

/**
 * The synthetic demo: a two-state support network tracked over five years, generated so that the
 * patterns of the EIS tracking study (Nov 2016 – Dec 2021, 749 interactions, 13 regions) show in it,
 * over the same 62 months ending in the month before the one it is made in (see `demoWindow`):
 * ground-laying components dominate the first months, use then blends and diversifies, and monthly
 * dose falls year over year. Pure and seeded: the same seed and model always give the same dataset.
 */

/** The seed `praxis demo` uses, so that every fresh install shows the same demo (for the month it is made in). */
export const DEMO_SEED = 2016;
export const DEMO_INTERACTIONS = 749;

export function generateDemo(options: DemoOptions): DemoDataset {
  const window = demoWindow(options.currentMonth);
  const { seed, model, start = window.start, end = window.end, interactions: total = DEMO_INTERACTIONS } = options;
  if (!(start <= end)) throw new RangeError(`The demo must start (${start}) on or before it ends (${end})`);
  const random = createRandom(seed);

  const network = generateNetwork(random);
  const engagements = generateEngagements(random, model, network.regions, network.practitioners, { start, end });
  const fadingStageId = model.stages.length > 1 ? model.stages.at(-1)!.id : null;
  const schedule = scheduleInteractions(
    random,
    engagements,
    { start, end, fadingStageId },
    Math.max(0, Math.round(total)),
  );
  const interactions = generateInteractions(
    random,
    {
      model,
      window: { start, end },
      regionsByPartner: new Map(network.regions.map((r) => [r.partnerKey, r])),
      contactsByKey: new Map(network.contacts.map((c) => [c.key, c])),
      practitionersByKey: new Map(network.practitioners.map((p) => [p.key, p])),
    },
    schedule,
  );

  return {
    practitioners: network.practitioners,
    partners: network.partners,
    contacts: network.contacts,
    engagements,
    interactions,
  };
}

export interface DemoSummary {
  interactions: number;
  engagements: number;
  regions: number;
  states: number;
  /** Whole years from the first interaction to the last, rounded. */
  years: number;
  /** First and last interaction dates, or null for an empty demo. */
  from: string | null;
  to: string | null;
}

/** The counts a log line reports about a generated demo. */
export function describeDemo(dataset: DemoDataset): DemoSummary {
  const from = dataset.interactions.reduce<string | null>(
    (min, i) => (min === null || i.date < min ? i.date : min),
    null,
  );
  const to = dataset.interactions.reduce<string | null>(
    (max, i) => (max === null || i.date > max ? i.date : max),
    null,
  );
  const engagedPartners = new Set(dataset.engagements.map((e) => e.partnerKey));
  return {
    interactions: dataset.interactions.length,
    engagements: dataset.engagements.length,
    regions: new Set(dataset.partners.filter((p) => engagedPartners.has(p.key) && p.region !== '').map((p) => p.region))
      .size,
    states: new Set(dataset.partners.filter((p) => p.kind === 'system').map((p) => p.stateOrCountry)).size,
    years: from && to ? Math.round(daysBetween(from, to) / 365.25) : 0,
    from,
    to,
  };
}
