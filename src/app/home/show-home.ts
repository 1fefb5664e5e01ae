import {
  addDays,
  daysBetween,
  dueSoonDays,
  engagementCards,
  homeNextSteps,
  homeWaves,
  setupChecklist,
} from '../../analysis/home/home-figures.ts';
import type { Home, HomeNextSteps } from '../../domain/home/views.ts';
import type { Role } from '../../domain/roles.ts';
import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { TenantStore } from '../../store/store.ts';

/** How many of the team's engagements a lead's or administrator's home shows as cards. */
export const teamCards = 25;
/** How many next steps of each kind (overdue, due soon) the home lists; the totals are counted in full. */
const listedNextSteps = 20;
/** Waves count as due from two weeks ago to a month ahead. */
const wavesFromDays = -14;
const wavesToDays = 30;

export interface HomeViewer {
  role: Role;
  /** The signed-in person; null for an API token, which acts for the organization. */
  personId: string | null;
}

/**
 * The home page of one role: a practitioner's own engagements, next steps and waves due; a lead's
 * (and an administrator's) team view with whose next steps are overdue; a researcher's data freshness
 * and hypotheses; an administrator's setup checklist. Every read is indexed or bounded: a practitioner's
 * engagements with one index seek each for the last contact; for the team, the 25 engagements needing
 * attention most, chosen by one set-based query (see `needingAttention`), with their partners only;
 * the month's rollup rows, and next steps and waves by their due dates; whose next steps are overdue
 * (and how many in all) from open steps counted by owner and due month (`overdueByOwner`).
 */
export async function showHome(tenant: TenantStore, viewer: HomeViewer, today: string): Promise<Home> {
  const home: Home = {
    role: viewer.role,
    today,
    engagements: null,
    engagementsTotal: null,
    nextSteps: null,
    wavesDue: null,
    overdueByOwner: null,
    freshness: null,
    hypotheses: null,
    setup: null,
  };
  if (viewer.role === 'practitioner' || viewer.role === 'lead' || viewer.role === 'admin')
    Object.assign(home, await supportWeek(tenant, viewer, today));
  if (viewer.role === 'researcher') Object.assign(home, await researchState(tenant, today));
  if (viewer.role === 'admin') home.setup = await setup(tenant, today);
  return home;
}

async function supportWeek(
  tenant: TenantStore,
  viewer: HomeViewer,
  today: string,
): Promise<Pick<Home, 'engagements' | 'engagementsTotal' | 'nextSteps' | 'wavesDue' | 'overdueByOwner'>> {
  const own = viewer.role === 'practitioner';
  const dueBy = addDays(today, dueSoonDays);
  const [chosen, total] = own ? await ownEngagements(tenant, viewer, today) : await teamEngagements(tenant, today);
  const ids = chosen.map((c) => c.engagement.id);
  const scope = own ? { engagementIds: ids } : {};
  const [overdueCounts, minutes, overdue, dueSoon, waves, byOwner] = await Promise.all([
    tenant.interactions.overdueCounts(ids, today),
    tenant.dose.minutesInMonth(today.slice(0, 7), ids),
    // A practitioner's few engagements are counted step by step; the team's overdue steps are the sum by owner.
    own
      ? tenant.interactions.nextStepsDue({ before: today }, { ...scope, limit: listedNextSteps })
      : tenant.interactions
          .nextStepsDueFirst({ before: today }, { limit: listedNextSteps })
          .then((steps) => ({ steps, total: null })),
    tenant.interactions.nextStepsDue({ from: today, before: addDays(dueBy, 1) }, { ...scope, limit: listedNextSteps }),
    tenant.waves.scheduledBetween(addDays(today, wavesFromDays), addDays(today, wavesToDays)),
    own ? Promise.resolve(null) : tenant.interactions.overdueByOwner(today),
  ]);
  const stageNames = new Map<string, Map<string, string>>();
  for (const { engagement: e } of chosen) {
    const key = `${e.modelId}@${e.modelVersion}`;
    if (stageNames.has(key)) continue;
    const model = await tenant.models.find(e.modelId, e.modelVersion);
    stageNames.set(key, new Map((model?.stages ?? []).map((s) => [s.id, s.name])));
  }
  const byId = new Map(chosen.map((c) => [c.engagement.id, c.engagement]));
  const cards = engagementCards(
    chosen.map(({ engagement: e }) => ({
      id: e.id,
      name: e.name,
      partnerId: e.partnerId,
      supportTeam: e.supportTeam,
      currentStageId: stageOn(e.stages, today),
      overdueNextSteps: overdueCounts.get(e.id) ?? 0,
    })),
    {
      partnerNames: new Map(chosen.map((c) => [c.engagement.partnerId, c.partnerName])),
      stageNames: (engagementId, stageId) => {
        const e = byId.get(engagementId);
        return e ? stageNames.get(`${e.modelId}@${e.modelVersion}`)?.get(stageId) : undefined;
      },
      lastContacts: new Map(chosen.flatMap((c) => (c.lastContact === null ? [] : [[c.engagement.id, c.lastContact]]))),
      minutesThisMonth: minutes,
    },
    today,
  );
  const steps = [...overdue.steps, ...dueSoon.steps];
  const [stepNames, waveNames] = own
    ? [new Map(chosen.map((c) => [c.engagement.id, c.engagement.name])), null]
    : await Promise.all([
        // Steps of engagements that ended or were deleted keep their names for the lead's view.
        tenant.engagements.namesOf(steps.map((s) => s.engagementId)),
        tenant.engagements.namesOf(
          waves.map((w) => w.engagementId),
          today,
        ),
      ]);
  const nextSteps: HomeNextSteps = {
    overdue: overdue.total ?? (byOwner ?? []).reduce((sum, o) => sum + o.count, 0),
    dueSoon: dueSoon.total,
    dueBy,
    items: homeNextSteps(steps, stepNames, today),
  };
  return {
    engagements: cards,
    engagementsTotal: total,
    nextSteps,
    wavesDue: homeWaves(waves, waveNames ?? stepNames),
    overdueByOwner: byOwner,
  };
}

type ChosenEngagement = Awaited<ReturnType<TenantStore['engagements']['needingAttention']>>[number];

/** A practitioner's active engagements, all of them: a support team's few. */
async function ownEngagements(
  tenant: TenantStore,
  viewer: HomeViewer,
  today: string,
): Promise<[ChosenEngagement[], number]> {
  if (viewer.personId === null) return [[], 0];
  const mine = await tenant.engagements.needingAttention(today, { supportedBy: viewer.personId });
  return [mine, mine.length];
}

/** The team's active engagements that most need attention, at most `teamCards`, and how many are active. */
async function teamEngagements(tenant: TenantStore, today: string): Promise<[ChosenEngagement[], number]> {
  const [chosen, counts] = await Promise.all([
    tenant.engagements.needingAttention(today, { limit: teamCards }),
    tenant.engagements.count(today),
  ]);
  return [chosen, counts.active];
}

async function researchState(tenant: TenantStore, today: string): Promise<Pick<Home, 'freshness' | 'hypotheses'>> {
  const [lastInteraction, lastWave, hypotheses, verdicts] = await Promise.all([
    tenant.interactions.lastDate(),
    tenant.waves.lastScheduledOnOrBefore(today),
    tenant.hypotheses.list(),
    tenant.hypothesisRuns.latestVerdicts(),
  ]);
  return {
    freshness: {
      lastInteraction,
      daysSinceInteraction: lastInteraction === null ? null : daysBetween(lastInteraction, today),
      lastWave,
      daysSinceWave: lastWave === null ? null : daysBetween(lastWave, today),
    },
    hypotheses: hypotheses.map((h) => {
      const run = verdicts.get(h.id);
      return {
        id: h.id,
        title: h.registration.title,
        status: h.status,
        lastVerdict: run?.verdict ?? null,
        lastRunAt: run?.ranAt ?? null,
      };
    }),
  };
}

async function setup(tenant: TenantStore, today: string): Promise<Home['setup']> {
  const [models, members, partners, engagements] = await Promise.all([
    tenant.models.listVersions(),
    tenant.members.list(),
    tenant.partners.count(),
    tenant.engagements.count(today),
  ]);
  return setupChecklist({
    // The built-in models are installed with every organization: the step is done once the organization
    // publishes its own model or starts recording on one.
    models: models.filter((m) => !m.builtin).length + engagements.all,
    members: members.length,
    partners,
    engagements: engagements.all,
  });
}
