import { activityRatings, type Observation, type Review, type SelfAssessment } from '../../domain/coaching/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { Pseudonymizer } from './pseudonyms.ts';
import { choices, labelled, modelLabels, table, type Column, type Table } from './tables.ts';

/**
 * The coaching tables of the research export, written only when the organization lets coaching in
 * (its research settings): the ratings of reviews and observations, per component and per activity,
 * and the self-ratings. Practitioners and coaches are user pseudonyms (`U-…`) as in the other tables.
 * Feedback, comments, replies, notes, principle observations and what was agreed in sessions are
 * never read into a row.
 */

/** The live coaching records of the exported engagements and period. */
export interface CoachingRecord {
  /** Reviews of exported interactions. */
  reviews: Review[];
  /** Observations of exported engagements; `interactionId` is null unless that interaction is exported too. */
  observations: Observation[];
  /** Self-assessments of the practitioners on the exported engagements' support teams. */
  selfAssessments: SelfAssessment[];
}

export const coachingTableFiles = [
  'data/coaching_ratings.csv',
  'data/coaching_activity_ratings.csv',
  'data/coaching_self_ratings.csv',
] as const;

interface Rated {
  kind: 'review' | 'observation';
  id: string;
  engagementId: string;
  interactionId: string | null;
  practitionerId: string;
  coachId: string;
  date: string;
  modelId: string;
  modelVersion: string;
  ratings: Review['ratings'];
}

const rated = (coaching: CoachingRecord): Rated[] =>
  [
    ...coaching.reviews.map((r): Rated => ({
      kind: 'review',
      id: r.id,
      engagementId: r.engagementId,
      interactionId: r.interactionId,
      practitionerId: r.practitionerId,
      coachId: r.reviewerId,
      date: r.interactionDate,
      modelId: r.modelId,
      modelVersion: r.modelVersion,
      ratings: r.ratings,
    })),
    ...coaching.observations.map((o): Rated => ({
      kind: 'observation',
      id: o.id,
      engagementId: o.engagementId,
      interactionId: o.interactionId,
      practitionerId: o.practitionerId,
      coachId: o.observerId,
      date: o.date,
      modelId: o.modelId,
      modelVersion: o.modelVersion,
      ratings: o.ratings,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));

export function coachingTables(
  coaching: CoachingRecord,
  models: readonly PracticeModel[],
  pseudonym: Pseudonymizer,
): Table[] {
  const labels = modelLabels(models);
  const componentLabels = labelled([...labels.components].map(([id, c]) => [id, c.name]));
  const modelIds = choices([...new Set(models.map((m) => m.id))]);
  const ratedColumns: Column<Rated>[] = [
    {
      name: 'record_id',
      type: 'pseudonym',
      allowed: 'R-… (review) or O-… (observation)',
      meaning: 'The review or observation the rating belongs to.',
      value: (r) => pseudonym(r.kind, r.id),
    },
    {
      name: 'record_kind',
      type: 'text',
      allowed: 'review, observation',
      meaning: 'review: a coach’s review of a logged interaction; observation: a coach’s observation of a session.',
      value: (r) => r.kind,
    },
    {
      name: 'engagement_id',
      type: 'pseudonym',
      allowed: 'E-…',
      meaning: 'The engagement (as in data/engagements.csv).',
      value: (r) => pseudonym('engagement', r.engagementId),
    },
    {
      name: 'interaction_id',
      type: 'pseudonym',
      allowed: 'I-…, or empty',
      meaning:
        'The interaction reviewed or observed (as in data/interactions.csv); empty for an observation naming no interaction or one outside this export.',
      value: (r) => (r.interactionId ? pseudonym('interaction', r.interactionId) : null),
    },
    {
      name: 'practitioner_id',
      type: 'pseudonym',
      allowed: 'U-…',
      meaning: 'The practitioner whose practice is rated (the same user pseudonym as logged_by and support_team).',
      value: (r) => pseudonym('user', r.practitionerId),
    },
    {
      name: 'coach_id',
      type: 'pseudonym',
      allowed: 'U-…',
      meaning: 'The coach who rated (reviewer or observer), a user pseudonym.',
      value: (r) => pseudonym('user', r.coachId),
    },
    {
      name: 'date',
      type: 'date',
      allowed: 'YYYY-MM-DD',
      meaning:
        'Date of the practice rated: the interaction’s date for a review, the observed session’s for an observation.',
      value: (r) => r.date,
    },
    {
      name: 'model_id',
      type: 'text',
      allowed: modelIds,
      meaning: 'Practice model the ratings were checked against.',
      value: (r) => r.modelId,
    },
    {
      name: 'model_version',
      type: 'text',
      allowed: 'semantic version',
      meaning: 'Version of that practice model.',
      value: (r) => r.modelVersion,
    },
  ];
  type ComponentRated = Rated & { rating: Review['ratings'][number] };
  const componentId: Column<{ rating: { componentId: string } }> = {
    name: 'component_id',
    type: 'text',
    allowed: componentLabels,
    meaning: 'Core practice component rated (labels from the model).',
    value: (r) => r.rating.componentId,
  };
  const componentRows = (): ComponentRated[] =>
    rated(coaching).flatMap((r) => r.ratings.map((rating) => ({ ...r, rating })));

  const ratings = table<ComponentRated>(
    coachingTableFiles[0],
    'One row per component rated in a coach’s review or observation. Feedback, comments, replies and notes are not exported.',
    [
      ...ratedColumns,
      componentId,
      {
        name: 'quality',
        type: 'integer',
        allowed: '1–5, or empty',
        meaning: 'The coach’s rating of the quality of the component’s practice, 1 (low) to 5 (high), when given.',
        value: (r) => r.rating.quality,
      },
      {
        name: 'activities_rated',
        type: 'integer',
        allowed: '0, 1, …',
        meaning: 'Activities of the component rated (rows in data/coaching_activity_ratings.csv).',
        value: (r) => r.rating.activities.length,
      },
    ],
    componentRows,
  );

  const activities = table<ComponentRated & { activity: Review['ratings'][number]['activities'][number] }>(
    coachingTableFiles[1],
    'One row per practice activity rated in a coach’s review or observation (record × component × activity).',
    [
      ...ratedColumns,
      componentId,
      {
        name: 'activity_id',
        type: 'text',
        allowed: labelled(labels.activities),
        meaning:
          'Practice activity rated, unique within its component; listed here as component_id/activity_id = label.',
        value: (r) => r.activity.activityId,
      },
      {
        name: 'rating',
        type: 'text',
        allowed: choices(activityRatings),
        meaning: 'Whether the activity was done as the model defines it, partly, not done, or did not apply.',
        value: (r) => r.activity.rating,
      },
    ],
    () => componentRows().flatMap((r) => r.rating.activities.map((activity) => ({ ...r, activity }))),
  );

  type SelfRated = { assessment: SelfAssessment; componentId: string; rating: number };
  const selfRatings = table<SelfRated>(
    coachingTableFiles[2],
    'One row per component of a practitioner’s self-assessment (the ISP self-assessment of the model).',
    [
      {
        name: 'record_id',
        type: 'pseudonym',
        allowed: 'S-…',
        meaning: 'The self-assessment.',
        value: (r) => pseudonym('self-assessment', r.assessment.id),
      },
      {
        name: 'practitioner_id',
        type: 'pseudonym',
        allowed: 'U-…',
        meaning:
          'The practitioner who rated themselves (a user pseudonym, as practitioner_id of the coaching ratings).',
        value: (r) => pseudonym('user', r.assessment.practitionerId),
      },
      {
        name: 'date',
        type: 'date',
        allowed: 'YYYY-MM-DD',
        meaning: 'Date of the self-assessment.',
        value: (r) => r.assessment.date,
      },
      {
        name: 'model_id',
        type: 'text',
        allowed: modelIds,
        meaning: 'Practice model assessed.',
        value: (r) => r.assessment.modelId,
      },
      {
        name: 'model_version',
        type: 'text',
        allowed: 'semantic version',
        meaning: 'Version of that practice model.',
        value: (r) => r.assessment.modelVersion,
      },
      {
        name: 'component_id',
        type: 'text',
        allowed: componentLabels,
        meaning: 'Core practice component self-rated (labels from the model).',
        value: (r) => r.componentId,
      },
      {
        name: 'rating',
        type: 'integer',
        allowed: '1–5',
        meaning: 'The practitioner’s rating of their own competency in the component, 1 (low) to 5 (high).',
        value: (r) => r.rating,
      },
    ],
    () =>
      [...coaching.selfAssessments]
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
        .flatMap((assessment) =>
          Object.entries(assessment.ratings)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([componentId, rating]) => ({ assessment, componentId, rating })),
        ),
  );

  return [ratings, activities, selfRatings];
}
