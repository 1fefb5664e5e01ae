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
  // A request uses a few repositories: each is made when first asked for.
  #members?: MemberRepository;
  #tokens?: TokenRepository;
  #invitations?: InvitationRepository;
  #models?: ModelRepository;
  #partners?: PartnerRepository;
  #contacts?: ContactRepository;
  #engagements?: EngagementRepository;
  #interactions?: InteractionRepository;
  #dose?: DoseRepository;
  #derived?: DerivedRepository;
  #slices?: SliceRepository;
  #instruments?: InstrumentRepository;
  #waves?: WaveRepository;
  #responses?: ResponseRepository;
  #scores?: ScoreRepository;
  #hypotheses?: HypothesisRepository;
  #hypothesisRuns?: HypothesisRunRepository;
  #stagePlans?: StagePlanRepository;
  #importMappings?: ImportMappingRepository;
  #signals?: SignalRepository;
  #coaching?: CoachingRepositories;
  #calendarFeeds?: CalendarFeedRepository;
  #researchSettings?: ResearchSettingsRepository;
  #emails?: EmailRepository;

  constructor(
    private readonly db: Executor,
    readonly organizationId: string,
    private readonly engine: Engine,
    private readonly scope?: CommitScope<DatabaseSchema>,
    /** Derived rows held in memory for the analysis slices (see `SummaryCache`). */
    private readonly summaries: SummaryCache = new SummaryCache(engine),
  ) {}

  get members(): MemberRepository {
    return (this.#members ??= new MemberRepository(this.db, this.organizationId));
  }

  get tokens(): TokenRepository {
    return (this.#tokens ??= new TokenRepository(this.db, this.organizationId));
  }

  get invitations(): InvitationRepository {
    return (this.#invitations ??= new InvitationRepository(this.db, this.organizationId));
  }

  get models(): ModelRepository {
    return (this.#models ??= new ModelRepository(this.db, this.organizationId));
  }

  get partners(): PartnerRepository {
    return (this.#partners ??= new PartnerRepository(this.db, this.organizationId));
  }

  get contacts(): ContactRepository {
    return (this.#contacts ??= new ContactRepository(this.db, this.organizationId));
  }

  get engagements(): EngagementRepository {
    return (this.#engagements ??= new EngagementRepository(this.db, this.organizationId, this.engine));
  }

  get interactions(): InteractionRepository {
    return (this.#interactions ??= new InteractionRepository(this.db, this.organizationId));
  }

  get dose(): DoseRepository {
    return (this.#dose ??= new DoseRepository(this.db, this.organizationId));
  }

  get derived(): DerivedRepository {
    return (this.#derived ??= new DerivedRepository(this.db, this.organizationId, this.engine, this.scope));
  }

  get slices(): SliceRepository {
    return (this.#slices ??= new SliceRepository(this.db, this.organizationId, this.summaries));
  }

  get instruments(): InstrumentRepository {
    return (this.#instruments ??= new InstrumentRepository(this.db, this.organizationId));
  }

  get waves(): WaveRepository {
    return (this.#waves ??= new WaveRepository(this.db, this.organizationId));
  }

  get responses(): ResponseRepository {
    return (this.#responses ??= new ResponseRepository(this.db, this.organizationId));
  }

  get scores(): ScoreRepository {
    return (this.#scores ??= new ScoreRepository(this.db, this.organizationId));
  }

  get hypotheses(): HypothesisRepository {
    return (this.#hypotheses ??= new HypothesisRepository(this.db, this.organizationId));
  }

  get hypothesisRuns(): HypothesisRunRepository {
    return (this.#hypothesisRuns ??= new HypothesisRunRepository(this.db, this.organizationId));
  }

  get stagePlans(): StagePlanRepository {
    return (this.#stagePlans ??= new StagePlanRepository(this.db, this.organizationId));
  }

  get importMappings(): ImportMappingRepository {
    return (this.#importMappings ??= new ImportMappingRepository(this.db, this.organizationId));
  }

  get signals(): SignalRepository {
    return (this.#signals ??= new SignalRepository(this.db, this.organizationId));
  }

  get coaching(): CoachingRepositories {
    return (this.#coaching ??= coachingRepositories(this.db, this.organizationId));
  }

  get calendarFeeds(): CalendarFeedRepository {
    return (this.#calendarFeeds ??= new CalendarFeedRepository(this.db, this.organizationId));
  }

  get researchSettings(): ResearchSettingsRepository {
    return (this.#researchSettings ??= new ResearchSettingsRepository(this.db, this.organizationId));
  }

  get emails(): EmailRepository {
    return (this.#emails ??= new EmailRepository(this.db, this.organizationId));
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

  /** Runs `work`, which writes many rows in a row of transactions, with the database set for it (see `Database.writingInBulk`). */
  writingInBulk<T>(work: () => Promise<T>): Promise<T> {
    return this.database.writingInBulk(work);
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
