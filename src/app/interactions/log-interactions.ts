import { AppError, invalid, type ErrorDetail } from '../../domain/errors.ts';
import type { Engagement, Interaction, InteractionInput } from '../../domain/support/schemas.ts';
import type { InteractionData } from '../../store/repositories/interactions.ts';
import type { Store } from '../../store/store.ts';
import { afterWrite, prepareInteraction } from './interaction-records.ts';
import { countOf } from '../../domain/count-of.ts';

/** Logs many interactions at once, all or nothing (imports). Every bad row is reported, by row number. */
export function logInteractions(
  store: Store,
  organizationId: string,
  rows: { row: number; input: InteractionInput }[],
  actor: string,
): Promise<Interaction[]> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite(rows.map((r) => r.input.engagementId));
    const prepared: { data: InteractionData; engagement: Engagement }[] = [];
    const problems: ErrorDetail[] = [];
    for (const { row, input } of rows) {
      try {
        prepared.push(await prepareInteraction(tenant, input, actor));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push(...error.details.map((d) => ({ path: `row ${row}: ${d.path}`, message: d.message })));
      }
    }
    if (problems.length > 0)
      throw invalid(`${countOf(problems.length, 'problem')} in the rows; nothing was written`, problems);
    const created: Interaction[] = [];
    for (const { data } of prepared) {
      const interaction = await tenant.interactions.insert(data, actor);
      await afterWrite(tenant, null, interaction);
      created.push(interaction);
    }
    return created;
  });
}
