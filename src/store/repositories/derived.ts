import type {
  DerivedDeclaration,
  DerivedRow,
  EngagementDeclaration,
} from '../../domain/support/derived/declaration.ts';
import type { CommitScope } from '../commit-scope.ts';
import type { Engine } from '../database.ts';
import { engagementsWithRows, storedRows } from '../derived/derived-rows.ts';
import { engagementsOf, type DerivedEngagement } from '../derived/engagement-source.ts';
import { DerivedRefresh, rebuildDerivedRows } from '../derived/refresh.ts';
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

  /** Rewrites every derived row of the organization from raw rows (`praxis rebuild`); hold the engagements' locks. */
  rebuild(progress?: (engagements: number, of: number) => void): Promise<void> {
    return rebuildDerivedRows(this.db, this.engine, this.organizationId, progress);
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
