import { outcomeSeries } from '../../analysis/outcomes/index.ts';
import { type ResearchExportInput } from '../../analysis/research-export/research-export.ts';
import { summarizeInteractions } from '../../analysis/research-export/tables.ts';
import type { CoachingRecord } from '../../analysis/research-export/coaching-tables.ts';
import type { Engagement } from '../../domain/support/schemas.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import type { EngagementOutcomes, Wave } from '../../domain/measurement/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/engagement-records.ts';
import { instrumentLine } from '../measurement/instrument-line.ts';
import { engagementsObservations } from '../measurement/observations.ts';
import type { ResearchExportOptions } from './research-export-records.ts';

const byVersion = (a: { id: string; version: string }, b: { id: string; version: string }): number =>
  a.id.localeCompare(b.id) || a.version.localeCompare(b.version, 'en', { numeric: true });

const inRange = (date: string, from: string | undefined, to: string | undefined): boolean =>
  (!from || date >= from) && (!to || date <= to);

/** Everything the export holds, read from one organization's live records and limited by the options. */
export async function readResearchRecord(
  tenant: TenantStore,
  options: ResearchExportOptions,
  today: string,
): Promise<ResearchExportInput> {
  const { from, to, engagementId } = options;
  if (from && to && from > to)
    throw invalid('The date range is empty', [{ path: 'to', message: `is before from (${from})` }]);
  let engagements = await tenant.engagements.list();
  if (engagementId) {
    engagements = engagements.filter((e) => e.id === engagementId);
    if (engagements.length === 0) throw notFound(`Engagement "${engagementId}"`);
  }
  const engagementIds = new Set(engagements.map((e) => e.id));
  async function* interactions() {
    for await (const interaction of tenant.interactions.eachLive({ engagementId, from, to }))
      if (engagementIds.has(interaction.engagementId)) yield interaction;
  }

  const waves: Wave[] = [];
  const outcomes: EngagementOutcomes[] = [];
  for (const measured of await engagementsObservations(
    tenant,
    engagements.map((e) => e.id),
  )) {
    waves.push(...measured.waves);
    const kept = outcomeSeries(measured.outcomeWaves, measured.observations)
      .map((s) => ({ ...s, points: s.points.filter((p) => inRange(p.date, from, to)) }))
      .filter((s) => s.points.length > 0);
    if (kept.length > 0) outcomes.push({ engagementId: measured.engagementId, series: kept });
  }

  const datesAsked = new Map(
    outcomes.map((o) => [o.engagementId, [...new Set(o.series.flatMap((s) => s.points.map((p) => p.date)))]]),
  );
  const summary = await summarizeInteractions(interactions(), engagements, datesAsked);

  const coaching = (await tenant.researchSettings.get()).settings.includeCoaching
    ? await readCoaching(tenant, engagements, from, to)
    : null;

  const modelRefs = new Map<string, { id: string; version: string }>();
  for (const record of [
    ...engagements.map((e) => ({ id: e.modelId, version: e.modelVersion })),
    ...summary.modelRefs,
    ...(coaching
      ? [...coaching.reviews, ...coaching.observations, ...coaching.selfAssessments].map((c) => ({
          id: c.modelId,
          version: c.modelVersion,
        }))
      : []),
  ])
    modelRefs.set(`${record.id}@${record.version}`, record);
  const models: PracticeModel[] = [];
  for (const ref of [...modelRefs.values()].sort(byVersion)) models.push(await modelOf(tenant, ref.id, ref.version));

  // Scores are computed with the latest version of each instrument, so its dictionary is the one that explains them.
  const instruments = [];
  for (const id of [...new Set(waves.flatMap((w) => w.instruments.map((i) => i.instrumentId)))].sort()) {
    const latest = (await instrumentLine(tenant, id)).at(-1);
    if (latest) instruments.push(latest);
  }

  return {
    engagements,
    partners: await tenant.partners.list(),
    contacts: (await tenant.contacts.list()).map((c) => ({ id: c.id, level: c.level })),
    interactions,
    summary,
    waves,
    outcomes,
    models,
    instruments,
    coaching,
    until: to && to < today ? to : today,
  };
}

/**
 * The live coaching records of the exported engagements and period: reviews of exported interactions,
 * observations dated in the period (naming their interaction only when it is exported too), and the
 * self-assessments of the support teams' practitioners dated in the period.
 */
async function readCoaching(
  tenant: TenantStore,
  engagements: readonly Engagement[],
  from: string | undefined,
  to: string | undefined,
): Promise<CoachingRecord> {
  const engagementIds = new Set(engagements.map((e) => e.id));
  const exported = new Map<string, boolean>();
  const isExported = async (interactionId: string): Promise<boolean> => {
    let known = exported.get(interactionId);
    if (known === undefined) {
      const interaction = await tenant.interactions.find(interactionId);
      known =
        interaction !== undefined && engagementIds.has(interaction.engagementId) && inRange(interaction.date, from, to);
      exported.set(interactionId, known);
    }
    return known;
  };
  const reviews = [];
  for (const review of await tenant.coaching.reviews.list())
    if (await isExported(review.interactionId)) reviews.push(review);
  const observations = [];
  for (const observation of await tenant.coaching.observations.list())
    if (engagementIds.has(observation.engagementId) && inRange(observation.date, from, to))
      observations.push({
        ...observation,
        interactionId:
          observation.interactionId && (await isExported(observation.interactionId)) ? observation.interactionId : null,
      });
  const practitioners = [...new Set(engagements.flatMap((e) => e.supportTeam))];
  const selfAssessments = (await tenant.coaching.selfAssessments.list({ practitionerIds: practitioners })).filter((s) =>
    inRange(s.date, from, to),
  );
  return { reviews, observations, selfAssessments };
}
