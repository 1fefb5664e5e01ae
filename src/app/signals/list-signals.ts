import { engagementSignals, type EngagementFacts } from '../../analysis/signals/signals.ts';
import { notFound } from '../../domain/errors.ts';
import type { Signal } from '../../domain/signals/schemas.ts';
import { calendarMonth, shiftMonth } from '../../domain/support/months.ts';
import type { TenantStore } from '../../store/store.ts';

/** The instruments whose scores the score rule reads: partners' experience of support, and AIM, IAM and FIM. */
export const SIGNAL_INSTRUMENTS = ['support-experience', 'aim-support', 'iam-support', 'fim-support'] as const;

const groupBy = <T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(row);
  }
  return groups;
};

/**
 * The live signals of the organization's engagements (of one, when `engagementId` is given) on `today`,
 * each with its latest acknowledgement. Reads the rollups, plans, scores and next-step index in a few
 * organization-wide queries, so the homes can call it for every engagement at once.
 */
export async function listSignals(
  tenant: TenantStore,
  today: string,
  options: { engagementId?: string } = {},
): Promise<Signal[]> {
  const { engagementId } = options;
  const engagements = engagementId
    ? [await tenant.engagements.find(engagementId)].filter((e) => e !== undefined)
    : await tenant.engagements.list();
  if (engagementId && engagements.length === 0) throw notFound('Engagement');
  const { settings } = await tenant.signals.settings();
  // The recent months the month-based rules look at: the unused-component window and last month's dose.
  const current = calendarMonth(today);
  const recentMonths: string[] = [];
  for (let back = Math.max(settings.plannedComponentUnused.months, 1); back >= 0; back -= 1)
    recentMonths.push(shiftMonth(current, -back));
  const ids = engagementId ? [engagementId] : null;
  const [lastContacts, early, recent, plans, scores, nextSteps, acknowledgements] = await Promise.all([
    tenant.signals.lastContacts(engagementId),
    tenant.signals.earlyComponentMonths(settings.noFoundational.months, engagementId),
    tenant.dose.componentMonthsIn(ids, recentMonths),
    tenant.stagePlans.list(engagementId ? { engagementIds: [engagementId] } : {}),
    tenant.signals.waveScores(SIGNAL_INSTRUMENTS, engagementId),
    tenant.interactions.openNextSteps(engagementId),
    tenant.signals.acknowledgements(engagementId),
  ]);
  const foundationalByModel = new Map<string, Set<string>>();
  for (const ref of new Set(engagements.map((e) => `${e.modelId}@${e.modelVersion}`))) {
    const [modelId = '', version = ''] = ref.split('@');
    const model = await tenant.models.find(modelId, version);
    foundationalByModel.set(
      ref,
      new Set(model?.components.filter((c) => c.group === 'foundational').map((c) => c.id) ?? []),
    );
  }
  const earlyBy = groupBy(early, (r) => r.engagementId);
  const recentBy = groupBy(recent, (r) => r.engagementId);
  const plansBy = groupBy(plans, (p) => p.engagementId);
  const scoresBy = groupBy(scores, (s) => s.engagementId);
  const stepsBy = groupBy(nextSteps, (s) => s.engagementId);
  const latestAcknowledgement = new Map(acknowledgements.map((a) => [`${a.engagementId} ${a.key}`, a]));

  const signals: Signal[] = [];
  for (const engagement of engagements) {
    const series = [...groupBy(scoresBy.get(engagement.id) ?? [], (s) => `${s.instrumentId}/${s.scoreId}`).values()];
    const facts: EngagementFacts = {
      engagementId: engagement.id,
      startDate: engagement.startDate,
      endDate: engagement.endDate,
      stages: engagement.stages,
      lastContact: lastContacts.get(engagement.id) ?? null,
      componentMonths: [...(earlyBy.get(engagement.id) ?? []), ...(recentBy.get(engagement.id) ?? [])],
      plans: plansBy.get(engagement.id) ?? [],
      scores: series.map((waves) => ({
        label: `${waves[0]!.instrumentId} ${waves[0]!.name}`,
        waves: [...waves].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
      })),
      openNextSteps: stepsBy.get(engagement.id) ?? [],
    };
    const foundational = foundationalByModel.get(`${engagement.modelId}@${engagement.modelVersion}`)!;
    for (const raw of engagementSignals(facts, { today, settings, foundational })) {
      const ack = latestAcknowledgement.get(`${engagement.id} ${raw.key}`);
      signals.push({ ...raw, acknowledgement: ack ? { note: ack.note, by: ack.by, at: ack.at } : null });
    }
  }
  return signals;
}
