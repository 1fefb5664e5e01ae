import { z } from 'zod';
import { CoachingSession, DevelopmentGoal, Observation, Review, SelfAssessment } from './schemas.ts';

/** The read shapes of coaching: a practitioner's record, their competency over time, a coach's team view. */

const Person = z.object({ userId: z.string(), name: z.string() });

export const CoachingRecordView = z.object({
  practitioner: Person,
  reviews: z.array(Review),
  observations: z.array(Observation),
  sessions: z.array(CoachingSession),
  goals: z.array(DevelopmentGoal),
  selfAssessments: z.array(SelfAssessment),
  /** The labels of each model version the reviews and observations were rated on. */
  models: z.array(
    z.object({
      modelId: z.string(),
      modelVersion: z.string(),
      components: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          activities: z.array(z.object({ id: z.string(), label: z.string() })),
        }),
      ),
    }),
  ),
});

export const CoachedPractitioners = z.object({
  items: z.array(Person.extend({ self: z.boolean() })),
});
export type CoachedPractitioners = z.infer<typeof CoachedPractitioners>;

export const CompetencyView = z.object({
  practitioner: Person,
  components: z.array(
    z.object({
      componentId: z.string(),
      name: z.string(),
      coachRatings: z.array(
        z.object({
          date: z.string(),
          quality: z.number(),
          source: z.enum(['review', 'observation']),
          sourceId: z.string(),
        }),
      ),
      selfRatings: z.array(z.object({ date: z.string(), rating: z.number() })),
      minutesByMonth: z.array(z.object({ month: z.string(), minutes: z.number() })),
    }),
  ),
});
export type CompetencyView = z.infer<typeof CompetencyView>;

export const TeamCompetencyView = z.object({
  since: z.string(),
  practitioners: z.array(Person),
  components: z.array(z.object({ id: z.string(), name: z.string() })),
  cells: z.array(
    z.object({
      practitionerId: z.string(),
      componentId: z.string(),
      latestRating: z.number().nullable(),
      latestDate: z.string().nullable(),
      change: z.number().nullable(),
      ratings: z.number(),
      latestSelfRating: z.number().nullable(),
      recentMinutes: z.number(),
    }),
  ),
});
export type TeamCompetencyView = z.infer<typeof TeamCompetencyView>;

export const ObservationFormView = z.object({
  engagement: z.object({ id: z.string(), name: z.string() }),
  model: z.object({ id: z.string(), version: z.string(), name: z.string() }),
  components: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      definition: z.string(),
      activities: z.array(z.object({ id: z.string(), label: z.string(), description: z.string() })),
    }),
  ),
  principles: z.array(
    z.object({ id: z.string(), name: z.string(), description: z.string(), indicators: z.array(z.string()) }),
  ),
});

const Interval = z.object({ value: z.number(), lower: z.number(), upper: z.number() });
const AgreementFigures = z.object({
  pairs: z.number(),
  kappa: z.number().nullable(),
  weightedKappa: z.number().nullable(),
  icc21: Interval.nullable(),
  icc31: Interval.nullable(),
  notes: z.array(z.string()),
});
const AgreementSet = z.object({
  overall: AgreementFigures,
  byComponent: z.array(AgreementFigures.extend({ componentId: z.string() })),
});

export const CoachingAgreementView = z.object({
  practitioners: z.number(),
  components: z.array(z.object({ id: z.string(), name: z.string() })),
  methods: z.object({ kappa: z.string(), icc: z.string() }),
  coachVsCoach: AgreementSet,
  selfVsCoach: AgreementSet,
});
export type CoachingAgreementView = z.infer<typeof CoachingAgreementView>;
