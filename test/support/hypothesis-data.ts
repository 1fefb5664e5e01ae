import { enterResponse } from '../../src/app/measurement/enter-response.ts';
import { createWave } from '../../src/app/measurement/create-wave.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import type { HypothesisRegistrationInput } from '../../src/domain/hypotheses/registration.ts';
import type { Store } from '../../src/store/store.ts';
import { buildEngagement, typicalInteraction } from './records.ts';

/** A registration on the default model: tailoring minutes in months 1–3 → change in experience of support at month 6. */
export const tailoringRegistration: HypothesisRegistrationInput = {
  title: 'Tailoring improves the experience of support',
  statement:
    'More tailoring minutes in months 1–3 predict a larger rise in acceptability (AIM) from baseline to month 6.',
  model: { id: 'eis-toc', version: '1.0.0' },
  linkId: 'tailoring-via-outcome-expectations-to-experience-of-support',
  predictor: { components: ['tailoring'], measure: 'minutes', months: { from: 1, to: 3 } },
  outcome: { outcomeId: 'experience-of-support', level: 'individual', measure: 'change', atMonth: 6 },
  direction: 'positive',
  test: 'spearman',
  covariates: [],
  alpha: 0.05,
};

const aim = (value: number) => ({ 'aim-support': { 'aim-1': value, 'aim-2': value, 'aim-3': value, 'aim-4': value } });

/**
 * Engagements started 2020-01-15, engagement k with 20·k tailoring minutes in month 1, a baseline wave
 * and a month-6 wave, and two respondents whose AIM rises by `rises[k]` (both items alike).
 */
export async function buildTailoringStudy(
  store: Store,
  organizationId: string,
  actor: string,
  rises: readonly number[],
): Promise<{ doses: number[]; changes: number[] }> {
  const doses: number[] = [];
  for (const [k, rise] of rises.entries()) {
    const { partner, engagement } = await buildEngagement(store, organizationId, actor);
    const tailoring = 20 * (k + 1);
    doses.push(tailoring);
    await logInteraction(
      store,
      organizationId,
      typicalInteraction(engagement.id, {
        durationMinutes: tailoring + 30,
        components: [
          { componentId: 'tailoring', minutes: tailoring, activityIds: [] },
          { componentId: 'relating', minutes: 30, activityIds: [] },
        ],
      }),
      actor,
    );
    const contacts = [];
    for (const name of ['Ana', 'Ben'])
      contacts.push(
        await createContact(
          store,
          organizationId,
          { partnerId: partner.id, name, email: '', level: 'individual', role: '', language: null },
          actor,
        ),
      );
    const instruments = [{ instrumentId: 'aim-support', version: '1.0.0' }];
    const baseline = await createWave(
      store,
      organizationId,
      engagement.id,
      { name: 'Baseline', kind: 'baseline', scheduledOn: '2020-01-20', instruments, levels: ['individual'] },
      actor,
    );
    const month6 = await createWave(
      store,
      organizationId,
      engagement.id,
      { name: 'Month 6', kind: 'follow-up', scheduledOn: '2020-07-01', instruments, levels: ['individual'] },
      actor,
    );
    for (const contact of contacts) {
      await enterResponse(
        store,
        organizationId,
        baseline.id,
        { contactId: contact.id, anonymous: false, level: 'individual', partnerId: null, answers: aim(2) },
        actor,
      );
      await enterResponse(
        store,
        organizationId,
        month6.id,
        { contactId: contact.id, anonymous: false, level: 'individual', partnerId: null, answers: aim(2 + rise) },
        actor,
      );
    }
  }
  return { doses, changes: [...rises] };
}
