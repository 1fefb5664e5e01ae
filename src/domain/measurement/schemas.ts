import { z } from 'zod';
import { Id, IsoDate, Level, levels, RecordMeta } from '../support/schemas.ts';
import { elementIdSchema, semverSchema } from '../../model/schema.ts';
import { boundedList, boundedRecord, limits } from '../../model/limits.ts';
import { Instrument, InstrumentAnswers } from './instrument.ts';

/** Shapes of the measurement API, shared by the server and the web client. */

export const InstrumentRef = z.strictObject({ instrumentId: elementIdSchema, version: semverSchema });
export type InstrumentRef = z.infer<typeof InstrumentRef>;

export const InstrumentSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  builtin: z.boolean(),
  citation: z.string(),
  versions: z.array(z.string()),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

export const waveKinds = ['baseline', 'follow-up', 'ad-hoc'] as const;

export const WaveInput = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
  kind: z.enum(waveKinds),
  /** The planned date; null for an ad-hoc occasion. */
  scheduledOn: IsoDate.nullable().default(null),
  instruments: boundedList(InstrumentRef, limits.waveInstruments).min(1, 'a wave needs at least one instrument'),
  /** The levels the wave measures: individuals' own views, and ratings of teams, organizations and systems. */
  levels: z
    .array(Level)
    .min(1, 'a wave measures at least one level')
    .refine((list) => new Set(list).size === list.length, 'names a level more than once')
    .default([...levels]),
});
export type WaveInput = z.infer<typeof WaveInput>;

/** A wave is a versioned record: edits keep history, a stale edit is refused, deletion is soft. */
export const Wave = RecordMeta.extend(WaveInput.shape).extend({ engagementId: Id });
export type Wave = z.infer<typeof Wave>;

/** Where a survey link stands, for response progress: derived from the response and the clock. */
export const linkStatuses = ['unused', 'started', 'submitted', 'expired', 'revoked'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/** Answers to a wave's instruments: instrument id → item id → value. */
export const SurveyAnswers = boundedRecord(z.string().max(100), InstrumentAnswers, limits.surveyAnswerInstruments);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const InvitationInput = z.strictObject({
  /** Who answers: a contact of the partner, or nobody known (anonymous: no identity is stored). */
  contactId: Id.nullable().default(null),
  anonymous: z.boolean().default(false),
  /** The level of the rating: an individual's own view, or a rating of a team, organization or system. */
  level: Level.default('individual'),
  /** The unit: the team/organization/system an individual belongs to, or the unit being rated. */
  partnerId: Id.nullable().default(null),
  /** Days until the link stops working (1–90). */
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
export type InvitationInput = z.infer<typeof InvitationInput>;

export const responseStatuses = ['open', 'submitted'] as const;

export const SurveyResponse = z.object({
  id: Id,
  waveId: Id,
  engagementId: Id,
  contactId: Id.nullable(),
  anonymous: z.boolean(),
  level: Level,
  partnerId: Id.nullable(),
  viaLink: z.boolean(),
  status: z.enum(responseStatuses),
  answers: SurveyAnswers,
  /** Instrument id → the version it was answered on. */
  instrumentVersions: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The language the respondent chose on the survey page (`en`, `es` …); null when entered by staff or never chosen. */
  language: z.string().nullable(),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** A new invitation: the link's secret token is shown once, here, and never stored. */
export const CreatedInvitation = z.object({ response: SurveyResponse, token: z.string(), path: z.string() });

export const DirectResponseInput = z.strictObject({
  contactId: Id.nullable().default(null),
  anonymous: z.boolean().default(false),
  level: Level,
  partnerId: Id.nullable().default(null),
  answers: SurveyAnswers,
});
export type DirectResponseInput = z.infer<typeof DirectResponseInput>;

export const StoredScore = z.object({
  responseId: Id,
  waveId: Id,
  instrumentId: z.string(),
  answeredVersion: z.string(),
  scoredVersion: z.string(),
  scoreId: z.string(),
  name: z.string(),
  outcomeId: z.string().nullable(),
  level: z.string().nullable(),
  partnerId: Id.nullable(),
  contactId: Id.nullable(),
  value: z.number().nullable(),
  missingReason: z.string().nullable(),
  answered: z.number().int(),
  itemCount: z.number().int(),
  prorated: z.boolean(),
  computedAt: z.string(),
});
export type StoredScore = z.infer<typeof StoredScore>;

const Summary = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  missing: z.number().int(),
});

export const OutcomePoint = Summary.extend({
  waveId: Id,
  waveName: z.string(),
  date: z.string(),
  /** `respondents`: individual scores; `members`: a unit's score as the mean of its members; `rating`: a rating of the unit itself. */
  source: z.enum(['respondents', 'members', 'rating']),
  partnerId: Id.nullable(),
});

export const OutcomeSeries = z.object({
  outcomeId: z.string().nullable(),
  level: z.string(),
  instrumentId: z.string(),
  scoreId: z.string(),
  name: z.string(),
  points: z.array(OutcomePoint),
});
export type OutcomeSeries = z.infer<typeof OutcomeSeries>;

export const EngagementOutcomes = z.object({ engagementId: Id, series: z.array(OutcomeSeries) });
export type EngagementOutcomes = z.infer<typeof EngagementOutcomes>;

/** What the public survey page receives: the questions and the answers saved so far; no identity. */
export const PublicSurvey = z.object({
  title: z.string(),
  /** Who is asking and about which support, told to the respondent; the wave's name is internal. */
  askedBy: z.object({ organization: z.string(), engagement: z.string(), partner: z.string().nullable() }),
  status: z.enum(responseStatuses),
  expiresAt: z.string().nullable(),
  anonymous: z.boolean(),
  /** Each instrument with its translations; the page shows it in the respondent's language. */
  instruments: z.array(Instrument),
  /** The languages the survey can be read in, its own first. */
  languages: z.array(z.string()),
  /** The language the respondent chose before, kept with the response; null until one is saved. */
  language: z.string().nullable(),
  answers: SurveyAnswers,
  savedAt: z.string(),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const SavedAnswers = z.object({ savedAt: z.string(), unanswered: z.number().int() });
export const SubmittedSurvey = z.object({ submittedAt: z.string() });

/** A response as response progress shows it: the link's status (null when entered by staff) and who answers. */
export const WaveResponse = SurveyResponse.extend({
  linkStatus: z.enum(linkStatuses).nullable(),
  /** A contact's name, "Anonymous", or the unit a rating is about; never more than the response stores. */
  respondent: z.string(),
});
export type WaveResponse = z.infer<typeof WaveResponse>;

const Count = z.number().int().min(0);
export const WaveProgress = z.object({
  waveId: Id,
  /** Survey links by status, and responses entered by staff. */
  counts: z.object({
    links: Count,
    unused: Count,
    started: Count,
    submitted: Count,
    expired: Count,
    revoked: Count,
    entered: Count,
  }),
  responses: z.array(WaveResponse),
});
export type WaveProgress = z.infer<typeof WaveProgress>;

// ---- Outcome change and trajectories (computed by src/analysis/outcomes) --------------------------

const Interval = z.object({ level: z.number(), lower: z.number(), upper: z.number(), method: z.string() });
const PairedTest = z.object({
  method: z.string(),
  n: z.number().int(),
  statistic: z.number(),
  statisticName: z.literal('V'),
  p: z.number(),
  exact: z.boolean(),
  estimate: z.object({ name: z.string(), value: z.number(), ci: Interval }),
  effectSizes: z.array(z.object({ name: z.string(), value: z.number(), ci: Interval.optional() })),
  warnings: z.array(z.string()),
});
const OutcomeChange = z.object({
  fromWaveId: Id,
  toWaveId: Id,
  fromWaveName: z.string(),
  toWaveName: z.string(),
  nFrom: z.number().int(),
  nTo: z.number().int(),
  meanFrom: z.number().nullable(),
  meanTo: z.number().nullable(),
  meanChange: z.number().nullable(),
  paired: z.object({
    n: z.number().int(),
    meanDifference: z.number().nullable(),
    sdDifference: z.number().nullable(),
    test: PairedTest.nullable(),
    note: z.string().nullable(),
  }),
});
export type OutcomeChange = z.infer<typeof OutcomeChange>;
export const OutcomeTrajectory = z.object({
  outcomeId: z.string().nullable(),
  level: z.string(),
  instrumentId: z.string(),
  scoreId: z.string(),
  name: z.string(),
  source: z.enum(['respondents', 'members', 'rating']),
  baselineWaveId: Id.nullable(),
  points: z.array(Summary.extend({ waveId: Id, waveName: z.string(), kind: z.enum(waveKinds), date: z.string() })),
  fromBaseline: z.array(OutcomeChange),
  consecutive: z.array(OutcomeChange),
  notes: z.array(z.string()),
});
export type OutcomeTrajectory = z.infer<typeof OutcomeTrajectory>;
export const EngagementOutcomeChange = z.object({
  engagementId: Id,
  /** The paired test used and when it runs, for display beside the numbers. */
  method: z.object({ pairedTest: z.string(), minPairs: z.number().int() }),
  trajectories: z.array(OutcomeTrajectory),
  notes: z.array(z.string()),
});
export type EngagementOutcomeChange = z.infer<typeof EngagementOutcomeChange>;
