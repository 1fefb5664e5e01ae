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
import type { Engagement } from '../../domain/support/schemas.ts';
import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { TenantStore } from '../../store/store.ts';

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

const isActive = (e: Engagement, today: string) => e.startDate <= today && (e.endDate === null || e.endDate >= today);

/**
 * The home page of one role: a practitioner's own engagements, next steps and waves due; a lead's
 * (and an administrator's) team view with whose next steps are overdue; a researcher's data freshness
 * and hypotheses; an administrator's setup checklist. Every read is indexed or bounded: engagements
 * and partners (one row each), one index seek per engagement for its last contact, the month's rollup
 * rows, and next steps and waves by their due dates.
 */
export async function showHome(tenant: TenantStore, viewer: HomeViewer, today: string): Promise<Home> {
  const home: Home = {
    role: viewer.role,
    today,
    engagements: null,
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
): Promise<Pick<Home, 'engagements' | 'nextSteps' | 'wavesDue' | 'overdueByOwner'>> {
  const own = viewer.role === 'practitioner';
  const all = await tenant.engagements.list();
  const engagements = all.filter(
    (e) => isActive(e, today) && (!own || (viewer.personId !== null && e.supportTeam.includes(viewer.personId))),
  );
  const ids = engagements.map((e) => e.id);
  const names = new Map(engagements.map((e) => [e.id, e.name]));
  const scope = own ? { engagementIds: ids } : {};
  const dueBy = addDays(today, dueSoonDays);
  const [partners, lastContacts, minutes, overdue, dueSoon, waves, byOwner] = await Promise.all([
    tenant.partners.list({ includeDeleted: true }),
    tenant.interactions.lastContacts(ids),
    tenant.dose.minutesInMonth(today.slice(0, 7)),
    tenant.interactions.nextStepsDue({ before: today }, { ...scope, limit: listedNextSteps }),
    tenant.interactions.nextStepsDue({ from: today, before: addDays(dueBy, 1) }, { ...scope, limit: listedNextSteps }),
    tenant.waves.scheduledBetween(addDays(today, wavesFromDays), addDays(today, wavesToDays)),
    own ? Promise.resolve(null) : tenant.interactions.overdueByOwner(today),
  ]);
  const stageNames = new Map<string, Map<string, string>>();
  for (const e of engagements) {
    const key = `${e.modelId}@${e.modelVersion}`;
    if (stageNames.has(key)) continue;
    const model = await tenant.models.find(e.modelId, e.modelVersion);
    stageNames.set(key, new Map((model?.stages ?? []).map((s) => [s.id, s.name])));
  }
  const byId = new Map(engagements.map((e) => [e.id, e]));
  const cards = engagementCards(
    engagements.map((e) => ({
      id: e.id,
      name: e.name,
      partnerId: e.partnerId,
      supportTeam: e.supportTeam,
      currentStageId: stageOn(e.stages, today),
    })),
    {
      partnerNames: new Map(partners.map((p) => [p.id, p.name])),
      stageNames: (engagementId, stageId) => {
        const e = byId.get(engagementId);
        return e ? stageNames.get(`${e.modelId}@${e.modelVersion}`)?.get(stageId) : undefined;
      },
      lastContacts,
      minutesThisMonth: minutes,
    },
    today,
  );
  // Steps of engagements that ended or were deleted keep their names for the lead's view.
  const allNames = new Map(all.map((e) => [e.id, e.name]));
  const nextSteps: HomeNextSteps = {
    overdue: overdue.total,
    dueSoon: dueSoon.total,
    dueBy,
    items: homeNextSteps([...overdue.steps, ...dueSoon.steps], own ? names : allNames, today),
  };
  return {
    engagements: cards,
    nextSteps,
    wavesDue: homeWaves(waves, names),
    overdueByOwner: byOwner,
  };
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
