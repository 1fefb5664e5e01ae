import type { z } from 'zod';
import {
  CoachingSession,
  DevelopmentGoal,
  Observation,
  Review,
  SelfAssessment,
} from '../../domain/coaching/schemas.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { PractitionerPracticeRepository } from './practitioner-practice.ts';
import {
  VersionedRepository,
  type VersionedColumns,
  type VersionedMapping,
  type VersionedRecord,
} from './versioned.ts';

/** A record's data: everything but the bookkeeping columns every versioned record has. */
export type DataOf<T> = Omit<T, keyof VersionedRecord>;

type CoachingTable =
  'coaching_reviews' | 'coaching_observations' | 'coaching_sessions' | 'development_goals' | 'self_assessments';

/** Where one field of a coaching record is stored: its column, and for a JSON column the domain schema read through. */
type FieldColumn<Table extends CoachingTable> =
  (keyof VersionedColumns<Table> & string) | { column: keyof VersionedColumns<Table> & string; json: z.ZodType };

/**
 * The mapping of a kind of coaching record to its table, from where each field is stored: plain
 * columns are copied as they are, JSON columns written as JSON and read through readJsonColumn.
 */
function coachingMapping<Table extends CoachingTable, T extends VersionedRecord>(spec: {
  table: Table;
  entity: string;
  label: string;
  fields: { [K in keyof DataOf<T>]-?: FieldColumn<Table> };
}): VersionedMapping<Table, T, DataOf<T>> {
  const fields = Object.entries(spec.fields) as [string, FieldColumn<Table>][];
  return {
    table: spec.table,
    entity: spec.entity,
    label: spec.label,
    columns: (data) => {
      const values = data as Record<string, unknown>;
      return Object.fromEntries(
        fields.map(([field, stored]) =>
          typeof stored === 'string' ? [stored, values[field]] : [stored.column, JSON.stringify(values[field])],
        ),
      ) as VersionedColumns<Table>;
    },
    fromRow: (row) => {
      const cells = row as Record<string, unknown> & { id: string };
      return {
        ...recordMeta(row as never),
        ...Object.fromEntries(
          fields.map(([field, stored]) =>
            typeof stored === 'string'
              ? [field, cells[stored]]
              : [
                  field,
                  readJsonColumn(stored.json, cells[stored.column] as string, {
                    table: spec.table,
                    column: stored.column,
                    id: cells.id,
                  }),
                ],
          ),
        ),
      } as T;
    },
  };
}

export const reviewMapping = coachingMapping<'coaching_reviews', Review>({
  table: 'coaching_reviews',
  entity: 'coaching-review',
  label: 'Review',
  fields: {
    interactionId: 'interaction_id',
    engagementId: 'engagement_id',
    practitionerId: 'practitioner_id',
    reviewerId: 'reviewer_id',
    modelId: 'model_id',
    modelVersion: 'model_version',
    interactionDate: 'interaction_date',
    ratings: { column: 'ratings', json: Review.shape.ratings },
    feedback: 'feedback',
    acknowledgedAt: 'acknowledged_at',
    reply: 'reply',
  },
});

export const observationMapping = coachingMapping<'coaching_observations', Observation>({
  table: 'coaching_observations',
  entity: 'coaching-observation',
  label: 'Observation',
  fields: {
    engagementId: 'engagement_id',
    practitionerId: 'practitioner_id',
    interactionId: 'interaction_id',
    observerId: 'observer_id',
    modelId: 'model_id',
    modelVersion: 'model_version',
    date: 'date',
    ratings: { column: 'ratings', json: Observation.shape.ratings },
    principles: { column: 'principles', json: Observation.shape.principles },
    notes: 'notes',
  },
});

export const coachingSessionMapping = coachingMapping<'coaching_sessions', CoachingSession>({
  table: 'coaching_sessions',
  entity: 'coaching-session',
  label: 'Coaching session',
  fields: {
    practitionerId: 'practitioner_id',
    coachId: 'coach_id',
    date: 'date',
    componentIds: { column: 'component_ids', json: CoachingSession.shape.componentIds },
    agreed: 'agreed',
    followUp: 'follow_up',
  },
});

export const developmentGoalMapping = coachingMapping<'development_goals', DevelopmentGoal>({
  table: 'development_goals',
  entity: 'development-goal',
  label: 'Development goal',
  fields: {
    practitionerId: 'practitioner_id',
    createdBy: 'created_by',
    title: 'title',
    componentIds: { column: 'component_ids', json: DevelopmentGoal.shape.componentIds },
    targetDate: 'target_date',
    status: 'status',
  },
});

export const selfAssessmentMapping = coachingMapping<'self_assessments', SelfAssessment>({
  table: 'self_assessments',
  entity: 'self-assessment',
  label: 'Self-assessment',
  fields: {
    practitionerId: 'practitioner_id',
    date: 'date',
    modelId: 'model_id',
    modelVersion: 'model_version',
    ratings: { column: 'ratings', json: SelfAssessment.shape.ratings },
  },
});

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
