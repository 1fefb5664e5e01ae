import type { CommitScope } from './commit-scope.ts';
import type { Database, Engine } from './database.ts';
import type { DatabaseSchema } from './schema.ts';
import type { Executor } from './repositories/executor.ts';
import { listHistory, recordHistory, type HistoryEntry, type NewHistoryEntry } from './repositories/history.ts';
import { DerivedRepository } from './repositories/derived.ts';
import { DoseRepository } from './repositories/dose.ts';
import { EngagementRepository } from './repositories/engagements.ts';
import { HypothesisRepository, HypothesisRunRepository } from './repositories/hypotheses.ts';
import { InstrumentRepository } from './repositories/instruments.ts';
import { findInvitationByTokenHash, InvitationRepository } from './repositories/invitations.ts';
import { InteractionImportWriter } from './repositories/interaction-import.ts';
import { InteractionRepository } from './repositories/interactions.ts';
import { findResponseByTokenHash, ResponseRepository } from './repositories/measurement-responses.ts';
import { ScoreRepository } from './repositories/measurement-scores.ts';
import { WaveRepository } from './repositories/measurement-waves.ts';
import { MemberRepository } from './repositories/members.ts';
import { ContactRepository, PartnerRepository } from './repositories/partners.ts';
import { ModelRepository } from './repositories/models.ts';
import { OrganizationRepository } from './repositories/organizations.ts';
import { ResearchSettingsRepository } from './repositories/research-settings.ts';
import { SliceRepository } from './repositories/slices.ts';
import { SummaryCache, summaryCacheOf } from './slices/engagement-summaries.ts';
import { SessionRepository } from './repositories/sessions.ts';
import { StagePlanRepository } from './repositories/stage-plans.ts';
import { ImportMappingRepository } from './repositories/import-mappings.ts';
import { SignalRepository } from './repositories/signals.ts';
import { findLiveToken, TokenRepository, type TokenGrant } from './repositories/tokens.ts';
import { CalendarFeedRepository, findLiveCalendarFeed, type CalendarFeedGrant } from './repositories/calendar-feeds.ts';
import { UserRepository } from './repositories/users.ts';
import { EmailOutboxRepository, EmailRepository } from './repositories/email.ts';
import { coachingRepositories, type CoachingRepositories } from './repositories/coaching.ts';

/** Repositories for one organization's data. Obtaining one is the only way to reach tenant tables. */
export class TenantStore {
  readonly members: MemberRepository;
  readonly tokens: TokenRepository;
  readonly invitations: InvitationRepository;
  readonly models: ModelRepository;
  readonly partners: PartnerRepository;
  readonly contacts: ContactRepository;
  readonly engagements: EngagementRepository;
  readonly interactions: InteractionRepository;
  readonly dose: DoseRepository;
  readonly derived: DerivedRepository;
  readonly slices: SliceRepository;
  readonly instruments: InstrumentRepository;
  readonly waves: WaveRepository;
  readonly responses: ResponseRepository;
  readonly scores: ScoreRepository;
  readonly hypotheses: HypothesisRepository;
  readonly hypothesisRuns: HypothesisRunRepository;
  readonly stagePlans: StagePlanRepository;
  readonly importMappings: ImportMappingRepository;
  readonly signals: SignalRepository;
  readonly coaching: CoachingRepositories;
  readonly calendarFeeds: CalendarFeedRepository;
  readonly researchSettings: ResearchSettingsRepository;
  readonly emails: EmailRepository;

  constructor(
    private readonly db: Executor,
    readonly organizationId: string,
    engine: Engine,
    scope?: CommitScope<DatabaseSchema>,
    /** Derived rows held in memory for the analysis slices (see `SummaryCache`). */
    summaries: SummaryCache = new SummaryCache(engine),
  ) {
    this.members = new MemberRepository(db, organizationId);
    this.tokens = new TokenRepository(db, organizationId);
    this.invitations = new InvitationRepository(db, organizationId);
    this.models = new ModelRepository(db, organizationId);
    this.partners = new PartnerRepository(db, organizationId);
    this.contacts = new ContactRepository(db, organizationId);
    this.engagements = new EngagementRepository(db, organizationId, engine);
    this.interactions = new InteractionRepository(db, organizationId);
    this.dose = new DoseRepository(db, organizationId);
    this.derived = new DerivedRepository(db, organizationId, engine, scope);
    this.slices = new SliceRepository(db, organizationId, summaries);
    this.instruments = new InstrumentRepository(db, organizationId);
    this.waves = new WaveRepository(db, organizationId);
    this.responses = new ResponseRepository(db, organizationId);
    this.scores = new ScoreRepository(db, organizationId);
    this.hypotheses = new HypothesisRepository(db, organizationId);
    this.hypothesisRuns = new HypothesisRunRepository(db, organizationId);
    this.stagePlans = new StagePlanRepository(db, organizationId);
    this.importMappings = new ImportMappingRepository(db, organizationId);
    this.signals = new SignalRepository(db, organizationId);
    this.coaching = coachingRepositories(db, organizationId);
    this.calendarFeeds = new CalendarFeedRepository(db, organizationId);
    this.researchSettings = new ResearchSettingsRepository(db, organizationId);
    this.emails = new EmailRepository(db, organizationId);
  }

  recordHistory(entry: Omit<NewHistoryEntry, 'organizationId'>): Promise<void> {
    return recordHistory(this.db, { ...entry, organizationId: this.organizationId });
  }

  history(entity: string, entityId: string): Promise<HistoryEntry[]> {
    return listHistory(this.db, this.organizationId, entity, entityId);
  }

  /** A bulk writer of new interactions by `actor`, for an import; use it inside a transaction. */
  interactionImport(actor: string): InteractionImportWriter {
    return new InteractionImportWriter(this.db, this.organizationId, this.engagements, this.derived, actor);
  }
}

/** Every repository, bound to the database or to one open transaction. */
export class Store {
  readonly organizations: OrganizationRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  /** The email outbox across organizations, for the sender. */
  readonly emailOutbox: EmailOutboxRepository;

  constructor(
    readonly database: Database,
    private readonly executor: Executor = database.db,
    /** The open transaction's scope: writes put off until its commit (see `CommitScope`). */
    private readonly scope?: CommitScope<DatabaseSchema>,
  ) {
    this.organizations = new OrganizationRepository(this.executor);
    this.users = new UserRepository(this.executor);
    this.sessions = new SessionRepository(this.executor);
    this.emailOutbox = new EmailOutboxRepository(this.executor);
  }

  tenant(organizationId: string): TenantStore {
    // Outside a transaction the database's cache is shared; a transaction reads into one of its own.
    const summaries =
      this.executor === this.database.db ? summaryCacheOf(this.database) : new SummaryCache(this.database.engine);
    return new TenantStore(this.executor, organizationId, this.database.engine, this.scope, summaries);
  }

  recordHistory(entry: NewHistoryEntry): Promise<void> {
    return recordHistory(this.executor, entry);
  }

  findLiveToken(tokenHash: string, now: string): Promise<TokenGrant | undefined> {
    return findLiveToken(this.executor, tokenHash, now);
  }

  /** The live calendar feed a token hash opens: its organization and person. */
  findCalendarFeed(tokenHash: string, now: string): Promise<CalendarFeedGrant | undefined> {
    return findLiveCalendarFeed(this.executor, tokenHash, now);
  }

  /** The survey response a link's token hash opens, and its organization. */
  findSurveyResponse(tokenHash: string): ReturnType<typeof findResponseByTokenHash> {
    return findResponseByTokenHash(this.executor, tokenHash);
  }

  /** The invitation a link's token hash opens, and its organization. */
  findInvitation(tokenHash: string): ReturnType<typeof findInvitationByTokenHash> {
    return findInvitationByTokenHash(this.executor, tokenHash);
  }

  /** Runs `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.executor !== this.database.db) return work(this);
    return this.database.transaction((trx, scope) => work(new Store(this.database, trx, scope)));
  }

  /** Runs `work` over one consistent, read-only view of the data (see `Database.snapshot`): for long reads such as exports. */
  snapshot<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.database.snapshot((trx) => work(new Store(this.database, trx)));
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
