import type { HomeEngagement, HomeNextStep, HomeWave, SetupStep } from '../../domain/home/views.ts';

/** Whole days from one ISO date (`YYYY-MM-DD`) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** How far ahead "due soon" looks: the coming week. */
export const dueSoonDays = 7;

export interface EngagementFacts {
  id: string;
  name: string;
  partnerId: string;
  supportTeam: string[];
  currentStageId: string | null;
  /** Open next steps due before today. */
  overdueNextSteps: number;
}

/**
 * One card per engagement: partner, current stage, last contact and the days since it, this month's
 * minutes, overdue next steps. Those needing attention come first: any overdue next step, then the
 * longest without contact (never contacted before all), then by name.
 */
export function engagementCards(
  engagements: readonly EngagementFacts[],
  facts: {
    partnerNames: ReadonlyMap<string, string>;
    stageNames: (engagementId: string, stageId: string) => string | undefined;
    lastContacts: ReadonlyMap<string, string>;
    minutesThisMonth: ReadonlyMap<string, number>;
  },
  today: string,
): HomeEngagement[] {
  const cards = engagements.map((e) => {
    const lastContact = facts.lastContacts.get(e.id) ?? null;
    return {
      id: e.id,
      name: e.name,
      partnerId: e.partnerId,
      partnerName: facts.partnerNames.get(e.partnerId) ?? '',
      currentStageId: e.currentStageId,
      currentStageName:
        e.currentStageId === null ? null : (facts.stageNames(e.id, e.currentStageId) ?? e.currentStageId),
      lastContact,
      daysSinceContact: lastContact === null ? null : daysBetween(lastContact, today),
      minutesThisMonth: facts.minutesThisMonth.get(e.id) ?? 0,
      overdueNextSteps: e.overdueNextSteps,
      supportTeam: e.supportTeam,
    };
  });
  const neglect = (c: HomeEngagement) => c.daysSinceContact ?? Number.POSITIVE_INFINITY;
  const overdue = (c: HomeEngagement) => (c.overdueNextSteps > 0 ? 0 : 1);
  return cards.sort((a, b) => overdue(a) - overdue(b) || neglect(b) - neglect(a) || a.name.localeCompare(b.name));
}

/** Next steps as the home lists them: with their engagement's name, and whether they are overdue. */
export function homeNextSteps(
  steps: readonly {
    interactionId: string;
    engagementId: string;
    text: string;
    owner: string;
    dueDate: string | null;
  }[],
  engagementNames: ReadonlyMap<string, string>,
  today: string,
): HomeNextStep[] {
  return steps
    .filter((s): s is typeof s & { dueDate: string } => s.dueDate !== null)
    .map((s) => ({
      interactionId: s.interactionId,
      engagementId: s.engagementId,
      engagementName: engagementNames.get(s.engagementId) ?? '',
      text: s.text,
      owner: s.owner,
      dueDate: s.dueDate,
      overdue: s.dueDate < today,
    }));
}

/** Waves of the given engagements, with the engagement's name. */
export function homeWaves(
  waves: readonly { id: string; name: string; engagementId: string; scheduledOn: string | null }[],
  engagementNames: ReadonlyMap<string, string>,
): HomeWave[] {
  return waves.flatMap((w) =>
    w.scheduledOn !== null && engagementNames.has(w.engagementId)
      ? [
          {
            id: w.id,
            name: w.name,
            engagementId: w.engagementId,
            engagementName: engagementNames.get(w.engagementId)!,
            scheduledOn: w.scheduledOn,
          },
        ]
      : [],
  );
}

/**
 * The administrator's setup checklist, in the order the work is done: a practice model to record
 * with, members beyond the administrator, partners, and a first engagement.
 */
export function setupChecklist(counts: {
  models: number;
  members: number;
  partners: number;
  engagements: number;
}): SetupStep[] {
  return [
    { id: 'model', done: counts.models > 0 },
    { id: 'members', done: counts.members > 1 },
    { id: 'partners', done: counts.partners > 0 },
    { id: 'engagement', done: counts.engagements > 0 },
  ];
}
