import type { z } from 'zod';
import {
  CoachingSession,
  DevelopmentGoal,
  Observation,
  Review,
  SelfAssessment,
  type GoalStatus,
} from '../../domain/coaching/schemas.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { PractitionerPracticeRepository } from './practitioner-practice.ts';
import { VersionedRepository, type VersionedMapping, type VersionedRecord } from './versioned.ts';

/** A record's data: everything but the bookkeeping columns every versioned record has. */
export type DataOf<T> = Omit<T, keyof VersionedRecord>;

const json = (value: unknown): string => JSON.stringify(value);
/** A JSON column of a coaching row, read through the domain's schema for that field. */
const parsed = <S extends z.ZodType>(schema: S, text: unknown, where: { table: string; column: string; id: string }) =>
  readJsonColumn(schema, text as string, where);

export const reviewMapping: VersionedMapping<'coaching_reviews', Review, DataOf<Review>> = {
  table: 'coaching_reviews',
  entity: 'coaching-review',
  label: 'Review',
  columns: (r) => ({
    interaction_id: r.interactionId,
    engagement_id: r.engagementId,
    practitioner_id: r.practitionerId,
    reviewer_id: r.reviewerId,
    model_id: r.modelId,
    model_version: r.modelVersion,
    interaction_date: r.interactionDate,
    ratings: json(r.ratings),
    feedback: r.feedback,
    acknowledged_at: r.acknowledgedAt,
    reply: r.reply,
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    interactionId: r.interaction_id as string,
    engagementId: r.engagement_id as string,
    practitionerId: r.practitioner_id as string,
    reviewerId: r.reviewer_id as string,
    modelId: r.model_id as string,
    modelVersion: r.model_version as string,
    interactionDate: r.interaction_date as string,
    ratings: parsed(Review.shape.ratings, r.ratings, { table: 'coaching_reviews', column: 'ratings', id: r.id }),
    feedback: r.feedback as string,
    acknowledgedAt: r.acknowledged_at as string | null,
    reply: r.reply as string,
  }),
};

export const observationMapping: VersionedMapping<'coaching_observations', Observation, DataOf<Observation>> = {
  table: 'coaching_observations',
  entity: 'coaching-observation',
  label: 'Observation',
  columns: (o) => ({
    engagement_id: o.engagementId,
    practitioner_id: o.practitionerId,
    interaction_id: o.interactionId,
    observer_id: o.observerId,
    model_id: o.modelId,
    model_version: o.modelVersion,
    date: o.date,
    ratings: json(o.ratings),
    principles: json(o.principles),
    notes: o.notes,
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    engagementId: r.engagement_id as string,
    practitionerId: r.practitioner_id as string,
    interactionId: r.interaction_id as string | null,
    observerId: r.observer_id as string,
    modelId: r.model_id as string,
    modelVersion: r.model_version as string,
    date: r.date as string,
    ratings: parsed(Observation.shape.ratings, r.ratings, {
      table: 'coaching_observations',
      column: 'ratings',
      id: r.id,
    }),
    principles: parsed(Observation.shape.principles, r.principles, {
      table: 'coaching_observations',
      column: 'principles',
      id: r.id,
    }),
    notes: r.notes as string,
  }),
};

export const coachingSessionMapping: VersionedMapping<'coaching_sessions', CoachingSession, DataOf<CoachingSession>> = {
  table: 'coaching_sessions',
  entity: 'coaching-session',
  label: 'Coaching session',
  columns: (s) => ({
    practitioner_id: s.practitionerId,
    coach_id: s.coachId,
    date: s.date,
    component_ids: json(s.componentIds),
    agreed: s.agreed,
    follow_up: s.followUp,
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    practitionerId: r.practitioner_id as string,
    coachId: r.coach_id as string,
    date: r.date as string,
    componentIds: parsed(CoachingSession.shape.componentIds, r.component_ids, {
      table: 'coaching_sessions',
      column: 'component_ids',
      id: r.id,
    }),
    agreed: r.agreed as string,
    followUp: r.follow_up as string,
  }),
};

export const developmentGoalMapping: VersionedMapping<'development_goals', DevelopmentGoal, DataOf<DevelopmentGoal>> = {
  table: 'development_goals',
  entity: 'development-goal',
  label: 'Development goal',
  columns: (g) => ({
    practitioner_id: g.practitionerId,
    created_by: g.createdBy,
    title: g.title,
    component_ids: json(g.componentIds),
    target_date: g.targetDate,
    status: g.status,
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    practitionerId: r.practitioner_id as string,
    createdBy: r.created_by as string,
    title: r.title as string,
    componentIds: parsed(DevelopmentGoal.shape.componentIds, r.component_ids, {
      table: 'development_goals',
      column: 'component_ids',
      id: r.id,
    }),
    targetDate: r.target_date as string | null,
    status: r.status as GoalStatus,
  }),
};

export const selfAssessmentMapping: VersionedMapping<'self_assessments', SelfAssessment, DataOf<SelfAssessment>> = {
  table: 'self_assessments',
  entity: 'self-assessment',
  label: 'Self-assessment',
  columns: (a) => ({
    practitioner_id: a.practitionerId,
    date: a.date,
    model_id: a.modelId,
    model_version: a.modelVersion,
    ratings: json(a.ratings),
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    practitionerId: r.practitioner_id as string,
    date: r.date as string,
    modelId: r.model_id as string,
    modelVersion: r.model_version as string,
    ratings: parsed(SelfAssessment.shape.ratings, r.ratings, {
      table: 'self_assessments',
      column: 'ratings',
      id: r.id,
    }),
  }),
};

type CoachingTable =
  'coaching_reviews' | 'coaching_observations' | 'coaching_sessions' | 'development_goals' | 'self_assessments';
const dateColumn: Record<CoachingTable, string> = {
  coaching_reviews: 'interaction_date',
  coaching_observations: 'date',
  coaching_sessions: 'date',
  development_goals: 'created_at',
  self_assessments: 'date',
};

/** A kind of coaching record, listed by practitioner (oldest first) and scoped to the organization. */
export class CoachingRecordRepository<
  Table extends CoachingTable,
  T extends VersionedRecord,
> extends VersionedRepository<Table, T, DataOf<T>> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
    private readonly coachingMapping: VersionedMapping<Table, T, DataOf<T>>,
  ) {
    super(executor, orgId, coachingMapping);
  }

  /** Live records, of the given practitioners when named (an empty list yields none), oldest first. */
  async list(filter: { practitionerIds?: readonly string[]; interactionId?: string } = {}): Promise<T[]> {
    if (filter.practitionerIds?.length === 0) return [];
    const table: CoachingTable = this.coachingMapping.table;
    let query = this.executor
      .selectFrom(table)
      .selectAll()
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null);
    if (filter.practitionerIds) query = query.where('practitioner_id', 'in', [...filter.practitionerIds]);
    if (filter.interactionId) query = query.where('interaction_id' as never, '=', filter.interactionId as never);
    const rows = await query
      .orderBy(dateColumn[table] as never)
      .orderBy('id')
      .execute();
    return rows.map((r) => this.coachingMapping.fromRow(r as never));
  }
}

export const coachingRepositories = (db: Executor, organizationId: string) => ({
  reviews: new CoachingRecordRepository(db, organizationId, reviewMapping),
  observations: new CoachingRecordRepository(db, organizationId, observationMapping),
  sessions: new CoachingRecordRepository(db, organizationId, coachingSessionMapping),
  goals: new CoachingRecordRepository(db, organizationId, developmentGoalMapping),
  selfAssessments: new CoachingRecordRepository(db, organizationId, selfAssessmentMapping),
  practice: new PractitionerPracticeRepository(db, organizationId),
});
export type CoachingRepositories = ReturnType<typeof coachingRepositories>;
