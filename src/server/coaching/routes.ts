import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Viewer } from '../../app/coaching/access.ts';
import { listCoachedPractitioners } from '../../app/coaching/list-coached-practitioners.ts';
import { logCoachingSession } from '../../app/coaching/log-coaching-session.ts';
import { updateCoachingSession } from '../../app/coaching/update-coaching-session.ts';
import { readObservationForm } from '../../app/coaching/observation-form.ts';
import type { CoachingKind } from '../../app/coaching/coaching-records.ts';
import { readCoachingHistory } from '../../app/coaching/read-coaching-history.ts';
import { readCoachingItem } from '../../app/coaching/read-coaching-item.ts';
import { readCoachingRecord } from '../../app/coaching/read-coaching-record.ts';
import { readCompetency } from '../../app/coaching/read-competency.ts';
import { readTeamCompetency } from '../../app/coaching/read-team-competency.ts';
import { recordObservation } from '../../app/coaching/record-observation.ts';
import { updateObservation } from '../../app/coaching/update-observation.ts';
import { recordSelfAssessment } from '../../app/coaching/record-self-assessment.ts';
import { respondToReview } from '../../app/coaching/respond-to-review.ts';
import { reviewInteraction } from '../../app/coaching/review-interaction.ts';
import { setDevelopmentGoal } from '../../app/coaching/set-development-goal.ts';
import { updateDevelopmentGoal } from '../../app/coaching/update-development-goal.ts';
import { updateReview } from '../../app/coaching/update-review.ts';
import { observationFormReport } from '../../analysis/reports/observation-form-report.ts';
import {
  CoachingSession,
  CoachingSessionInput,
  DevelopmentGoal,
  DevelopmentGoalInput,
  Observation,
  ObservationInput,
  Review,
  ReviewInput,
  ReviewResponseInput,
  SelfAssessment,
  SelfAssessmentInput,
} from '../../domain/coaching/schemas.ts';
import {
  CoachedPractitioners,
  CoachingAgreementView,
  CoachingRecordView,
  CompetencyView,
  ObservationFormView,
  TeamCompetencyView,
} from '../../domain/coaching/views.ts';
import { HistoryEntry } from '../../domain/history.ts';
import { Id, IsoDate, Versioned } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess, type Access } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams } from '../records.ts';
import { renderReport } from '../../app/reports/render-report.ts';

const tags = ['coaching'];
const base = '/api/orgs/:orgId/coaching';
const PractitionerParams = OrgParams.extend({ userId: Id });
const EngagementQuery = z.strictObject({ engagementId: Id });
const TeamQuery = z.strictObject({
  asOf: IsoDate.optional().describe('The day the last six months end on (default: today)'),
});
const today = (): string => new Date().toISOString().slice(0, 10);
const viewerOf = (access: Access): Viewer => ({ userId: access.actor, role: access.role });

/**
 * Coaching of practitioners: reviews of practice, observations, coaching sessions, development goals,
 * self-assessments and competency over time. Visible to the practitioner, those who coach them and
 * admins (domain/coaching/coaches.ts); never to partners or researchers.
 */
export async function coachingRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = (request: Parameters<typeof requireAccess>[0], orgId: string, edit = false) =>
    requireAccess(request, store, orgId, edit ? 'coaching.edit' : 'coaching.view');

  r.get(
    `${base}/practitioners`,
    {
      schema: {
        tags,
        summary: 'The practitioners whose coaching you may open: yourself and those you coach',
        params: OrgParams,
        response: { 200: CoachedPractitioners, ...errorResponses },
      },
    },
    async (request) => {
      const a = await access(request, request.params.orgId);
      return listCoachedPractitioners(store, a.organizationId, viewerOf(a));
    },
  );
  r.get(
    `${base}/practitioners/:userId`,
    {
      schema: {
        tags,
        summary: "A practitioner's coaching record: reviews, observations, sessions, goals, self-assessments",
        params: PractitionerParams,
        response: { 200: CoachingRecordView, ...errorResponses },
      },
    },
    async (request) => {
      const a = await access(request, request.params.orgId);
      return readCoachingRecord(store, a.organizationId, viewerOf(a), request.params.userId);
    },
  );
  r.get(
    `${base}/practitioners/:userId/competency`,
    {
      schema: {
        tags,
        summary:
          "A practitioner's competency over time per component: coaches' ratings, self-assessments, minutes practised per month",
        params: PractitionerParams,
        response: { 200: CompetencyView, ...errorResponses },
      },
    },
    async (request) => {
      const a = await access(request, request.params.orgId);
      return readCompetency(store, a.organizationId, viewerOf(a), request.params.userId);
    },
  );
  r.get(
    `${base}/team`,
    {
      schema: {
        tags,
        summary:
          'The team view: each practitioner you coach × component, latest rating, change since the previous one, minutes in the last six months',
        params: OrgParams,
        querystring: TeamQuery,
        response: { 200: TeamCompetencyView, ...errorResponses },
      },
    },
    async (request) => {
      const a = await access(request, request.params.orgId);
      return readTeamCompetency(store, a.organizationId, viewerOf(a), request.query.asOf ?? today());
    },
  );
  r.get(
    `${base}/agreement`,
    {
      schema: {
        tags,
        summary:
          "Agreement between raters over the coaching records you may see: two coaches on the same interaction, and self against coach, per component (Cohen's kappa and weighted kappa; ICC(2,1) and ICC(3,1), as R's psych)",
        params: OrgParams,
        response: { 200: CoachingAgreementView, ...errorResponses },
      },
    },
    async (request) => {
      const a = await access(request, request.params.orgId);
      // The statistics library loads on first use, not at server start.
      const { readCoachingAgreement } = await import('../../app/coaching/read-agreement.ts');
      return readCoachingAgreement(store, a.organizationId, viewerOf(a));
    },
  );
  r.get(
    `${base}/observation-form`,
    {
      schema: {
        tags,
        summary: "The observation form of an engagement, generated from its model version's components and principles",
        params: OrgParams,
        querystring: EngagementQuery,
        response: { 200: ObservationFormView, ...errorResponses },
      },
    },
    async (request) => {
      const a = await access(request, request.params.orgId);
      return readObservationForm(store, a.organizationId, request.query.engagementId);
    },
  );
  r.get(
    `${base}/observation-form.pdf`,
    {
      schema: {
        tags,
        summary: 'The observation form of an engagement as a printable PDF',
        produces: ['application/pdf'],
        params: OrgParams,
        querystring: EngagementQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const a = await access(request, request.params.orgId);
      const form = await readObservationForm(store, a.organizationId, request.query.engagementId);
      const organization = await store.organizations.findById(a.organizationId);
      const rendered = await renderReport(observationFormReport(form, organization?.name ?? '', today()), 'pdf');
      return (reply as unknown as FastifyReply)
        .type(rendered.contentType)
        .header('content-disposition', `attachment; filename="${rendered.fileName}"`)
        .send(rendered.body);
    },
  );

  // ---- Records: create, read, change, history ----------------------------------------------

  interface Kind<I, T> {
    kind: CoachingKind;
    path: string;
    label: string;
    input: z.ZodType<I>;
    schema: z.ZodType<T>;
    create: (store: Store, organizationId: string, viewer: Viewer, input: I) => Promise<T>;
    update?: (
      store: Store,
      organizationId: string,
      viewer: Viewer,
      id: string,
      version: number,
      input: I,
    ) => Promise<T>;
  }
  const recordRoutes = <I, T>(kind: Kind<I, T>): void => {
    const input = kind.input as unknown as z.ZodObject;
    const schema = kind.schema as z.ZodType<unknown>;
    r.post(
      `${base}/${kind.path}`,
      {
        schema: {
          tags,
          summary: `Record a ${kind.label}`,
          params: OrgParams,
          body: input,
          response: { 201: schema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const a = await access(request, request.params.orgId, true);
        return reply
          .status(201)
          .send(await kind.create(store, a.organizationId, viewerOf(a), request.body as unknown as I));
      },
    );
    r.get(
      `${base}/${kind.path}/:id`,
      {
        schema: {
          tags,
          summary: `One ${kind.label}`,
          params: RecordParams,
          response: { 200: schema, ...errorResponses },
        },
      },
      async (request) => {
        const a = await access(request, request.params.orgId);
        return readCoachingItem(store, a.organizationId, viewerOf(a), kind.kind, request.params.id);
      },
    );
    r.get(
      `${base}/${kind.path}/:id/history`,
      {
        schema: {
          tags,
          summary: `Every version of a ${kind.label}: who, when, what changed`,
          params: RecordParams,
          response: { 200: z.object({ items: z.array(HistoryEntry) }), ...errorResponses },
        },
      },
      async (request) => {
        const a = await access(request, request.params.orgId);
        return { items: await readCoachingHistory(store, a.organizationId, viewerOf(a), kind.kind, request.params.id) };
      },
    );
    const update = kind.update;
    if (!update) return;
    r.put(
      `${base}/${kind.path}/:id`,
      {
        schema: {
          tags,
          summary: `Change a ${kind.label} (send the version you edited; a stale one gets 409)`,
          params: RecordParams,
          body: input.extend(Versioned.shape),
          response: { 200: schema, ...errorResponses },
        },
      },
      async (request) => {
        const a = await access(request, request.params.orgId, true);
        const { version, ...body } = request.body as { version: number };
        return update(store, a.organizationId, viewerOf(a), request.params.id, version, body as unknown as I);
      },
    );
  };

  recordRoutes({
    kind: 'reviews',
    path: 'reviews',
    label: 'review of practice',
    input: ReviewInput,
    schema: Review,
    create: reviewInteraction,
    update: updateReview,
  });
  r.put(
    `${base}/reviews/:id/response`,
    {
      schema: {
        tags,
        summary: 'The reviewed practitioner acknowledges a review and may reply (a stale version gets 409)',
        params: RecordParams,
        body: ReviewResponseInput.extend(Versioned.shape),
        response: { 200: Review, ...errorResponses },
      },
    },
    async (request) => {
      const a = await access(request, request.params.orgId, true);
      const { version, ...body } = request.body;
      return respondToReview(store, a.organizationId, viewerOf(a), request.params.id, version, body);
    },
  );
  recordRoutes({
    kind: 'observations',
    path: 'observations',
    label: 'observation',
    input: ObservationInput,
    schema: Observation,
    create: recordObservation,
    update: updateObservation,
  });
  recordRoutes({
    kind: 'sessions',
    path: 'sessions',
    label: 'coaching session',
    input: CoachingSessionInput,
    schema: CoachingSession,
    create: logCoachingSession,
    update: updateCoachingSession,
  });
  recordRoutes({
    kind: 'goals',
    path: 'goals',
    label: 'development goal',
    input: DevelopmentGoalInput,
    schema: DevelopmentGoal,
    create: setDevelopmentGoal,
    update: updateDevelopmentGoal,
  });
  recordRoutes({
    kind: 'selfAssessments',
    path: 'self-assessments',
    label: 'self-assessment (the ISP self-assessment of a model)',
    input: SelfAssessmentInput,
    schema: SelfAssessment,
    create: recordSelfAssessment,
  });
}
