import type { ColumnType } from 'kysely';

/**
 * Table shapes shared by SQLite and PostgreSQL. Portable column types only: text ids (UUIDv7),
 * ISO-8601 text timestamps (UTC, sortable as text), integers for flags, JSON kept as text.
 */
export interface OrganizationsTable {
  id: string;
  name: string;
  slug: string;
  is_demo: number;
  created_at: string;
  /** 1 when the organization lets de-identified coaching tables into the research export. */
  coaching_research_export: ColumnType<number, number | undefined, number>;
  /** Version of the research-export settings: 0 until first saved, then one more on each save. */
  research_settings_version: ColumnType<number, number | undefined, number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: string;
  created_at: string;
  /** A partner-role member's partner: they see its engagements and those of the partners below it. */
  partner_id: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie secret: a stolen database never yields a usable session. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  name: string;
  role: string;
  token_hash: string;
  prefix: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A member's secret calendar feed; the address's token is kept only as its SHA-256. */
export interface CalendarFeedsTable {
  id: string;
  organization_id: string;
  user_id: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** An invitation to join an organization; the link's token is kept only as its SHA-256. */
export interface InvitationsTable extends VersionedColumns {
  email: string;
  role: string;
  invited_by: string;
  expires_at: string;
  /** pending, accepted, declined or revoked. */
  status: string;
  closed_at: string | null;
  closed_by: string | null;
  token_hash: string;
}

export interface HypothesesTable {
  id: string;
  organization_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  created_by: string | null;
  status: string;
  title: string;
  model_id: string;
  model_version: string;
  link_id: string;
  /** JSON of the registration. */
  registration: string;
  locked_at: string | null;
  locked_by: string | null;
  content_hash: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

/** One run of a locked hypothesis, never changed. */
export interface HypothesisRunsTable {
  id: string;
  organization_id: string;
  hypothesis_id: string;
  content_hash: string;
  ran_at: string;
  ran_by: string | null;
  verdict: string;
  p: number | null;
  /** JSON of the result. */
  result: string;
}

export interface HistoryTable {
  /** UUIDv7: ordered by time of writing. */
  id: string;
  organization_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  actor: string | null;
  at: string;
  /** JSON: `{ field: [before, after] }` for updates, the full record for create and delete. */
  changes: string;
  /** For versioned records: the version this entry produced, and the whole record at that version (JSON). */
  version: number | null;
  snapshot: string | null;
}

interface VersionedColumns {
  id: string;
  organization_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PartnersTable extends VersionedColumns {
  parent_id: string | null;
  name: string;
  kind: string;
  type: string;
  region: string;
  state_or_country: string;
  /** JSON array of strings. */
  tags: string;
}

export interface ContactsTable extends VersionedColumns {
  partner_id: string;
  name: string;
  email: string;
  level: string;
  role: string;
  /** The contact's preferred language tag; null when not known. */
  language: string | null;
}

export interface EngagementsTable extends VersionedColumns {
  partner_id: string;
  name: string;
  /** JSON array of user ids. */
  support_team: string;
  start_date: string;
  end_date: string | null;
  model_id: string;
  model_version: string;
  /** JSON array of `{stageId, startedOn}`. */
  stages: string;
  /** JSON array of strings. */
  goals: string;
}

export interface InteractionsTable extends VersionedColumns {
  engagement_id: string;
  partner_id: string;
  date: string;
  time: string | null;
  duration_minutes: number;
  mode: string;
  stage_id: string | null;
  model_id: string;
  model_version: string;
  participants: string;
  components: string;
  principles: string;
  notes: string;
  next_steps: string;
  logged_by: string;
}

export interface InteractionComponentsTable {
  interaction_id: string;
  organization_id: string;
  component_id: string;
  minutes: number;
  activity_ids: string;
}

interface DoseMonthColumns {
  organization_id: string;
  engagement_id: string;
  calendar_month: string;
  relationship_month: number;
  interactions: number;
  minutes: number;
}

export type EngagementMonthDoseTable = DoseMonthColumns;

/**
 * One engagement's month of the relationship, over the one or two calendar months it spans: its sums,
 * and the diversity of its component use, measured again from its component rows after each change.
 */
export interface RelationshipMonthDoseTable {
  organization_id: string;
  engagement_id: string;
  relationship_month: number;
  interactions: number;
  minutes: number;
  components_used: ColumnType<number, number | undefined, number>;
  entropy: ColumnType<number, number | undefined, number>;
  /** Null when the month has no component rows. */
  dominant_component: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ComponentMonthDoseTable extends DoseMonthColumns {
  component_id: string;
  activity_uses: number;
}

export interface PrincipleMonthUseTable {
  organization_id: string;
  engagement_id: string;
  calendar_month: string;
  relationship_month: number;
  principle_id: string;
  interactions: number;
  ratings: number;
  rating_sum: number;
}

export interface OrganizationMonthDoseTable {
  organization_id: string;
  calendar_month: string;
  interactions: number;
  minutes: number;
  engagements: number;
}

export interface OrganizationComponentMonthDoseTable {
  organization_id: string;
  calendar_month: string;
  component_id: string;
  interactions: number;
  minutes: number;
  activity_uses: number;
}

/** The organization's dose per month of the relationship and component, summed over its engagements. */
export interface OrganizationRelationshipComponentDoseTable {
  organization_id: string;
  relationship_month: number;
  component_id: string;
  interactions: number;
  minutes: number;
  activity_uses: number;
}

/** The organization's dose per calendar month, month of the relationship and component. */
export interface OrganizationCalendarComponentDoseTable {
  organization_id: string;
  calendar_month: string;
  relationship_month: number;
  component_id: string;
  interactions: number;
  minutes: number;
  activity_uses: number;
}

/** Interactions and minutes per mode of contact in an engagement's calendar month. */
export interface ModeMonthUseTable {
  organization_id: string;
  engagement_id: string;
  calendar_month: string;
  mode: string;
  interactions: number;
  minutes: number;
}

/** Interactions of an engagement's calendar month that used a practice activity of a component. */
export interface ActivityMonthUseTable {
  organization_id: string;
  engagement_id: string;
  calendar_month: string;
  component_id: string;
  activity_id: string;
  interactions: number;
}

export interface OrganizationModeMonthUseTable {
  organization_id: string;
  calendar_month: string;
  mode: string;
  interactions: number;
  minutes: number;
}

export interface OrganizationPrincipleMonthUseTable {
  organization_id: string;
  calendar_month: string;
  principle_id: string;
  interactions: number;
  ratings: number;
  rating_sum: number;
}

export interface OrganizationActivityMonthUseTable {
  organization_id: string;
  calendar_month: string;
  component_id: string;
  activity_id: string;
  interactions: number;
}

/** A counter per engagement, raised by every rewrite of its derived rows (see `EngagementSummaries`). */
export interface DerivedVersionsTable {
  organization_id: string;
  engagement_id: string;
  version: number;
}

/** The next steps of live interactions that are not done, kept in step with every interaction write. */
export interface InteractionNextStepsTable {
  interaction_id: string;
  position: number;
  organization_id: string;
  engagement_id: string;
  interaction_date: string;
  text: string;
  owner: string;
  due_date: string | null;
}

/** Open next steps with a due date per engagement, calendar month of the interaction, owner and due month. */
export interface NextStepDueMonthTable {
  organization_id: string;
  engagement_id: string;
  calendar_month: string;
  owner: string;
  due_month: string;
  open_steps: number;
}

/** `next_step_due_month` summed over the organization's engagements. */
export interface OrganizationNextStepDueMonthTable {
  organization_id: string;
  calendar_month: string;
  owner: string;
  due_month: string;
  open_steps: number;
}

/** Interactions and component minutes per practitioner (who logged them), component and calendar month of an engagement. */
export interface PractitionerComponentMonthTable {
  organization_id: string;
  engagement_id: string;
  calendar_month: string;
  practitioner_id: string;
  component_id: string;
  interactions: number;
  minutes: number;
}

export interface PracticeModelsTable {
  organization_id: string;
  model_id: string;
  version: string;
  name: string;
  /** The whole model document as JSON; versions are immutable once published. */
  document: string;
  builtin: number;
  published_at: string;
  published_by: string | null;
}

export interface InstrumentsTable {
  organization_id: string;
  instrument_id: string;
  version: string;
  name: string;
  /** The whole instrument document as JSON; versions are immutable once published. */
  document: string;
  published_at: string;
  published_by: string | null;
}

export interface MeasurementWavesTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  name: string;
  kind: string;
  scheduled_on: string | null;
  /** JSON array of `{instrumentId, version}`. */
  instruments: string;
  /** JSON array of the levels the wave measures. */
  levels: string;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  deleted_at: string | null;
}

export interface MeasurementResponsesTable {
  id: string;
  organization_id: string;
  wave_id: string;
  engagement_id: string;
  /** SHA-256 of the survey link's token; null for responses entered by staff. */
  token_hash: string | null;
  anonymous: number;
  contact_id: string | null;
  partner_id: string | null;
  level: string;
  status: string;
  /** JSON: instrument id → item id → value. */
  answers: string;
  /** JSON: instrument id → version answered on. */
  instrument_versions: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  submitted_at: string | null;
  /** The language the respondent chose on the survey page; null when entered by staff or never chosen. */
  language: string | null;
}

export interface MeasurementScoresTable {
  id: string;
  organization_id: string;
  response_id: string;
  engagement_id: string;
  wave_id: string;
  instrument_id: string;
  answered_version: string;
  scored_version: string;
  score_id: string;
  name: string;
  outcome_id: string | null;
  level: string | null;
  partner_id: string | null;
  contact_id: string | null;
  value: number | null;
  missing_reason: string | null;
  answered: number;
  item_count: number;
  prorated: number;
  computed_at: string;
}

/** A coach's review of a practitioner's logged interaction (see the coaching migration). */
export interface CoachingReviewsTable extends VersionedColumns {
  interaction_id: string;
  engagement_id: string;
  practitioner_id: string;
  reviewer_id: string;
  model_id: string;
  model_version: string;
  interaction_date: string;
  /** JSON array of component ratings. */
  ratings: string;
  feedback: string;
  acknowledged_at: string | null;
  reply: string;
}

export interface CoachingObservationsTable extends VersionedColumns {
  engagement_id: string;
  practitioner_id: string;
  interaction_id: string | null;
  observer_id: string;
  model_id: string;
  model_version: string;
  date: string;
  /** JSON array of component ratings. */
  ratings: string;
  /** JSON array of principle observations. */
  principles: string;
  notes: string;
}

export interface CoachingSessionsTable extends VersionedColumns {
  practitioner_id: string;
  coach_id: string;
  date: string;
  /** JSON array of component ids in focus. */
  component_ids: string;
  agreed: string;
  follow_up: string;
}

export interface DevelopmentGoalsTable extends VersionedColumns {
  practitioner_id: string;
  created_by: string;
  title: string;
  /** JSON array of component ids. */
  component_ids: string;
  target_date: string | null;
  status: string;
}

export interface SelfAssessmentsTable extends VersionedColumns {
  practitioner_id: string;
  date: string;
  model_id: string;
  model_version: string;
  /** JSON: component id → 1–5. */
  ratings: string;
}

export interface DatabaseSchema {
  instruments: InstrumentsTable;
  measurement_waves: MeasurementWavesTable;
  measurement_responses: MeasurementResponsesTable;
  measurement_scores: MeasurementScoresTable;
  practice_models: PracticeModelsTable;
  partners: PartnersTable;
  contacts: ContactsTable;
  engagements: EngagementsTable;
  interactions: InteractionsTable;
  interaction_components: InteractionComponentsTable;
  engagement_month_dose: EngagementMonthDoseTable;
  relationship_month_dose: RelationshipMonthDoseTable;
  component_month_dose: ComponentMonthDoseTable;
  principle_month_use: PrincipleMonthUseTable;
  organization_month_dose: OrganizationMonthDoseTable;
  organization_component_month_dose: OrganizationComponentMonthDoseTable;
  organization_relationship_component_dose: OrganizationRelationshipComponentDoseTable;
  organization_calendar_component_dose: OrganizationCalendarComponentDoseTable;
  mode_month_use: ModeMonthUseTable;
  activity_month_use: ActivityMonthUseTable;
  organization_mode_month_use: OrganizationModeMonthUseTable;
  organization_principle_month_use: OrganizationPrincipleMonthUseTable;
  organization_activity_month_use: OrganizationActivityMonthUseTable;
  interaction_next_steps: InteractionNextStepsTable;
  derived_versions: DerivedVersionsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  history: HistoryTable;
  hypotheses: HypothesesTable;
  hypothesis_runs: HypothesisRunsTable;
  practitioner_component_month: PractitionerComponentMonthTable;
  next_step_due_month: NextStepDueMonthTable;
  organization_next_step_due_month: OrganizationNextStepDueMonthTable;
  stage_plans: StagePlansTable;
  signal_settings: SignalSettingsTable;
  signal_acknowledgements: SignalAcknowledgementsTable;
  coaching_reviews: CoachingReviewsTable;
  coaching_observations: CoachingObservationsTable;
  coaching_sessions: CoachingSessionsTable;
  development_goals: DevelopmentGoalsTable;
  self_assessments: SelfAssessmentsTable;
  calendar_feeds: CalendarFeedsTable;
  email_outbox: EmailOutboxTable;
  email_unsubscribes: EmailUnsubscribesTable;
  import_mappings: ImportMappingsTable;
}

/** A saved import mapping of an organization, versioned (docs/import-mapping.md). */
export interface ImportMappingsTable {
  id: string;
  organization_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  name: string;
  /** JSON of the mapping document. */
  mapping: string;
}

/** A support plan for one stage of an engagement, versioned. */
export interface StagePlansTable {
  id: string;
  organization_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  engagement_id: string;
  stage_id: string;
  model_id: string;
  model_version: string;
  /** JSON of the goals. */
  goals: string;
  /** JSON of the planned emphasis. */
  emphasis: string;
  /** JSON of the planned activities. */
  activities: string;
}

/** An organization's signal thresholds: one JSON document, versioned. */
export interface SignalSettingsTable {
  organization_id: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
  settings: string;
}

/** A signal acknowledged with a note. */
export interface SignalAcknowledgementsTable {
  id: string;
  organization_id: string;
  engagement_id: string;
  signal_key: string;
  note: string;
  acknowledged_by: string | null;
  acknowledged_at: string;
}

/** A message waiting for, or done with, delivery; `body` is emptied once it is sent. */
export interface EmailOutboxTable {
  id: string;
  organization_id: string;
  kind: string;
  recipient: string;
  contact_id: string | null;
  user_id: string | null;
  wave_id: string | null;
  response_id: string | null;
  lang: string | null;
  subject: string;
  body: string | null;
  unsubscribe_hash: string;
  dedupe_key: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  sent_at: string | null;
}

/** An address that asked an organization for no more email. */
export interface EmailUnsubscribesTable {
  organization_id: string;
  address: string;
  unsubscribed_at: string;
  message_id: string | null;
}
