import type {
  DerivedDeclaration,
  DerivedRow,
  EngagementDeclaration,
} from '../../domain/support/derived/declaration.ts';
import type { CommitScope } from '../commit-scope.ts';
import type { Engine } from '../database.ts';
import {
  engagementsWithRows,
  storedRows,
  storedRowsWithin,
  withinRange,
  type EngagementRange,
} from '../derived/derived-rows.ts';
import {
  engagementsOf,
  engagementsWithin,
  interactionsWithin,
  liveInteractionCounts,
  type CheckedInteraction,
  type DerivedEngagement,
} from '../derived/engagement-source.ts';
import type { IndexedNextStep } from '../../domain/support/rollups.ts';
import { nextStepFromRow } from './interactions.ts';
import { DerivedRefresh, rebuildEngagementRows, rebuildOrganizationRows } from '../derived/refresh.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * What a write tells the derived tables: which engagements and calendar months it touched. Their rows
 * are recomputed from raw rows right before the transaction commits (`DerivedRefresh`), once for every
 * unit of work that shares the commit; outside a transaction, at once.
 */
export class DerivedRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
    private readonly engine: Engine,
    private readonly scope?: CommitScope<DatabaseSchema>,
  ) {}

  /** Marks calendar months (`YYYY-MM`) of an engagement as touched. */
  touch(engagementId: string, calendarMonths: Iterable<string>): Promise<void> {
    return this.#mark((refresh) => refresh.touch(this.organizationId, engagementId, calendarMonths));
  }

  /** Marks every month of an engagement as touched (its start date moved; it was deleted or restored). */
  touchEngagement(engagementId: string): Promise<void> {
    return this.#mark((refresh) => refresh.touchEngagement(this.organizationId, engagementId));
  }

  /** Every engagement of the organization, deleted ones included, as derived tables see them. */
  engagements(): Promise<DerivedEngagement[]> {
    return engagementsOf(this.db, this.organizationId);
  }

  /** The stored rows of a derived table: one engagement's, or the whole organization's. */
  stored(declaration: DerivedDeclaration, engagementId?: string): Promise<DerivedRow[]> {
    return storedRows(this.db, this.organizationId, declaration, engagementId);
  }

  /** The engagements that have rows of an engagement-level table. */
  engagementsWithRows(declaration: EngagementDeclaration): Promise<string[]> {
    return engagementsWithRows(this.db, this.organizationId, declaration);
  }

  /** How many live interactions each engagement has (engagements with none are absent). */
  liveInteractionCounts(): Promise<Map<string, number>> {
    return liveInteractionCounts(this.db, this.organizationId);
  }

  /** The live interactions of a range of engagements, in order of engagement, with their next steps when asked. */
  interactionsWithin(range: EngagementRange): Promise<CheckedInteraction[]> {
    return interactionsWithin(this.db, this.organizationId, range);
  }

  /** The stored rows of an engagement-level table for a range of engagements. */
  storedWithin(declaration: EngagementDeclaration, range: EngagementRange): Promise<DerivedRow[]> {
    return storedRowsWithin(this.db, this.organizationId, declaration, range);
  }

  /** The next-step index's rows for a range of engagements. */
  async nextStepsWithin(range: EngagementRange): Promise<IndexedNextStep[]> {
    const rows = await this.db
      .selectFrom('interaction_next_steps')
      .selectAll()
      .where(withinRange(this.organizationId, range, 'byOrganization'))
      .execute();
    return rows.map(nextStepFromRow);
  }

  /** The engagements within a range of ids, deleted ones included. */
  engagementsWithin(range: EngagementRange): Promise<DerivedEngagement[]> {
    return engagementsWithin(this.db, this.organizationId, range);
  }

  /** Rewrites the engagement-level rows of a range of engagements from raw rows (`praxis rebuild`); hold their locks. */
  rebuildWithin(range: EngagementRange): Promise<void> {
    return rebuildEngagementRows(this.db, this.organizationId, range);
  }

  /** Rewrites the organization-level rows from the engagement-level ones (`praxis rebuild`); hold every engagement's lock. */
  rebuildOrganization(): Promise<void> {
    return rebuildOrganizationRows(this.db, this.engine, this.organizationId);
  }

  async #mark(mark: (refresh: DerivedRefresh) => void): Promise<void> {
    if (this.scope) {
      mark(this.scope.pending('derived rows', () => new DerivedRefresh(this.engine)));
      return;
    }
    const refresh = new DerivedRefresh(this.engine);
    mark(refresh);
    await refresh.write(this.db);
  }
}
