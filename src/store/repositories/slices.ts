import { Slice } from '../slices/slice-sums.ts';
import type { SummaryCache } from '../slices/engagement-summaries.ts';
import type { Executor } from './executor.ts';

/**
 * Slices of one organization's support record for the analysis pages: the derived rows of any selection
 * of engagements, held in memory by the `SummaryCache` and brought up to date before each answer, summed
 * for any period (`Slice`).
 */
export class SliceRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
    private readonly cache: SummaryCache,
  ) {}

  /** The slice of these engagements; null: every live engagement of the organization. */
  async of(engagementIds: readonly string[] | null): Promise<Slice> {
    const ids =
      engagementIds === null
        ? (
            await this.db
              .selectFrom('engagements')
              .select('id')
              .where('organization_id', '=', this.organizationId)
              .where('deleted_at', 'is', null)
              .execute()
          ).map((e) => e.id)
        : [...new Set(engagementIds)];
    return new Slice(await this.cache.summaries(this.db, this.organizationId, ids), this.cache.vocabulary);
  }
}
