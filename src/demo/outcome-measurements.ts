import { relationshipMonth, relationshipMonthStart } from '../domain/support/months.ts';
import type { DemoDataset } from './dataset.ts';
import { createRandom } from './random.ts';

/**
 * A synthetic, deterministic measurement set for the demo, so that outcome change and hypothesis tests
 * have data to read: every engagement that reached its seventh month gets a baseline wave and a month-6
 * wave of the Acceptability of Intervention Measure (AIM), answered by up to four of its partner's
 * individual contacts. Answers are invented: the rise from baseline grows with the engagement's
 * tailoring minutes in months 1–3, plus noise. Nothing here is real data.
 */

export const DEMO_MEASUREMENT_INSTRUMENT = { instrumentId: 'aim-support', version: '1.0.0' } as const;

export interface DemoResponsePlan {
  contactKey: string;
  answers: Record<string, Record<string, number>>;
}

export interface DemoWavePlan {
  engagementKey: string;
  name: string;
  kind: 'baseline' | 'follow-up';
  scheduledOn: string;
  responses: DemoResponsePlan[];
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const clampItem = (value: number): number => Math.min(5, Math.max(1, Math.round(value)));
const aim = (values: readonly number[]) => ({
  [DEMO_MEASUREMENT_INSTRUMENT.instrumentId]: Object.fromEntries(values.map((v, i) => [`aim-${i + 1}`, v])),
});

/** The demo's waves and answers, from the generated support record; the same seed gives the same set. */
export function generateOutcomeMeasurements(
  dataset: DemoDataset,
  options: { seed: number; /** The demo's last day: no wave is planned after it. */ end: string },
): DemoWavePlan[] {
  const random = createRandom(options.seed * 7919 + 17);
  const end = options.end;
  const parentOf = new Map(dataset.partners.map((p) => [p.key, p.parentKey]));
  const within = (partnerKey: string, root: string): boolean => {
    for (let key: string | null | undefined = partnerKey; key; key = parentOf.get(key)) if (key === root) return true;
    return false;
  };
  const tailoring = new Map<string, number>();
  const starts = new Map(dataset.engagements.map((e) => [e.key, e.startDate]));
  for (const interaction of dataset.interactions) {
    const start = starts.get(interaction.engagementKey);
    if (!start || relationshipMonth(start, interaction.date) > 3) continue;
    const minutes = interaction.components
      .filter((c) => c.componentId === 'tailoring')
      .reduce((sum, c) => sum + c.minutes, 0);
    tailoring.set(interaction.engagementKey, (tailoring.get(interaction.engagementKey) ?? 0) + minutes);
  }

  const plans: DemoWavePlan[] = [];
  for (const engagement of dataset.engagements) {
    const month6 = addDays(relationshipMonthStart(engagement.startDate, 6), 14);
    const last = engagement.endDate ?? end;
    if (month6 > last || month6 > end) continue;
    const respondents = dataset.contacts
      .filter((c) => c.level === 'individual' && within(c.partnerKey, engagement.partnerKey))
      .slice(0, 4);
    if (respondents.length === 0) continue;
    const expectedRise = 0.3 + (tailoring.get(engagement.key) ?? 0) / 150;
    const baseline: DemoResponsePlan[] = [];
    const followUp: DemoResponsePlan[] = [];
    for (const contact of respondents) {
      const level = random.between(2, 3.6);
      const before = [0, 1, 2, 3].map(() => clampItem(level + random.between(-0.6, 0.6)));
      const rise = expectedRise + random.between(-0.9, 0.9);
      baseline.push({ contactKey: contact.key, answers: aim(before) });
      followUp.push({
        contactKey: contact.key,
        answers: aim(before.map((v) => clampItem(v + rise + random.between(-0.4, 0.4)))),
      });
    }
    plans.push({
      engagementKey: engagement.key,
      name: 'Baseline (synthetic)',
      kind: 'baseline',
      scheduledOn: addDays(engagement.startDate, 10),
      responses: baseline,
    });
    plans.push({
      engagementKey: engagement.key,
      name: 'Month 6 (synthetic)',
      kind: 'follow-up',
      scheduledOn: month6,
      responses: followUp,
    });
  }
  return plans;
}
