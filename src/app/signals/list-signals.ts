import { engagementSignals, overdueBefore, type EngagementFacts } from '../../analysis/signals/signals.ts';
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
 * each with its latest acknowledgement. A few organization-wide queries, each reading only what its rule
 * needs: per engagement a seek for the last contact and the overdue next steps; the foundational
 * components' rows of the first months; the rollup rows of the recent whole months; the plans'
 * emphasis; the score waves. So the homes can call it for every engagement at once.
 */
export async function listSignals(
  tenant: TenantStore,
  today: string,
  options: { engagementId?: string } = {},
): Promise<Signal[]> {
  const { engagementId } = options;
  if (engagementId && !(await tenant.engagements.find(engagementId))) throw notFound('Engagement');
  const { settings } = await tenant.signals.settings();
  // The whole months the month-based rules look at: the unused-component window, which ends with last
  // month, the month the dose rule judges.
  const current = calendarMonth(today);
  const recentMonths: string[] = [];
  for (let back = Math.max(settings.plannedComponentUnused.months, 1); back >= 1; back -= 1)
    recentMonths.push(shiftMonth(current, -back));
  const recentSet = new Set(recentMonths);
  const engagements = await tenant.signals.activeEngagements(
    today,
    overdueBefore(today, settings.nextStepsOverdue.days),
    engagementId,
  );
  const foundationalByModel = new Map<string, Set<string>>();
  for (const ref of new Set(engagements.map((e) => `${e.modelId}@${e.modelVersion}`))) {
    const [modelId = '', version = ''] = ref.split('@');
    const model = await tenant.models.find(modelId, version);
    foundationalByModel.set(
      ref,
      new Set(model?.components.filter((c) => c.group === 'foundational').map((c) => c.id) ?? []),
    );
  }
  const foundationalIds = [...new Set([...foundationalByModel.values()].flatMap((ids) => [...ids]))].sort();
  const [early, recent, plans, scores, acknowledgements] = await Promise.all([
    tenant.signals.earlyComponentMonths(settings.noFoundational.months, foundationalIds, engagementId),
    tenant.signals.componentMonthsIn(recentMonths, engagementId),
    tenant.signals.planEmphasis(engagementId),
    tenant.signals.waveScores(SIGNAL_INSTRUMENTS, engagementId),
    tenant.signals.acknowledgements(engagementId),
  ]);
  // The recent months are read whole; early rows of those months would count twice.
  const earlyBy = groupBy(
    early.filter((r) => !recentSet.has(r.calendarMonth)),
    (r) => r.engagementId,
  );
  const recentBy = groupBy(recent, (r) => r.engagementId);
  const plansBy = groupBy(plans, (p) => p.engagementId);
  const scoresBy = groupBy(scores, (s) => s.engagementId);
  const latestAcknowledgement = new Map(acknowledgements.map((a) => [`${a.engagementId} ${a.key}`, a]));

  const signals: Signal[] = [];
  for (const engagement of engagements) {
    const series = [
      ...groupBy(scoresBy.get(engagement.engagementId) ?? [], (s) => `${s.instrumentId}/${s.scoreId}`).values(),
    ];
    const facts: EngagementFacts = {
      engagementId: engagement.engagementId,
      startDate: engagement.startDate,
      endDate: engagement.endDate,
      stages: engagement.stages,
      lastContact: engagement.lastContact,
      componentMonths: [
        ...(earlyBy.get(engagement.engagementId) ?? []),
        ...(recentBy.get(engagement.engagementId) ?? []),
      ],
      plans: plansBy.get(engagement.engagementId) ?? [],
      scores: series.map((waves) => ({
        label: `${waves[0]!.instrumentId} ${waves[0]!.name}`,
        waves: [...waves].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
      })),
      overdueNextSteps: engagement.overdueNextSteps,
    };
    const foundational = foundationalByModel.get(`${engagement.modelId}@${engagement.modelVersion}`)!;
    for (const raw of engagementSignals(facts, { today, settings, foundational })) {
      const ack = latestAcknowledgement.get(`${engagement.engagementId} ${raw.key}`);
      signals.push({ ...raw, acknowledgement: ack ? { note: ack.note, by: ack.by, at: ack.at } : null });
    }
  }
  return signals;
}
