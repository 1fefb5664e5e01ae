import { z } from 'zod';

/** A record or a set of changes as the history keeps it: any JSON object, keyed by field. */
export const HistoryRecord = z.record(z.string(), z.unknown());
export type HistoryRecord = z.infer<typeof HistoryRecord>;

/** One version in a record's history, as the API returns it and the web shows it. */
export const HistoryEntry = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  /** The actor as people read it: the member's name, "API token <name>", "the praxis command" or "a former member"; null for the system. */
  actorName: z.string().nullable(),
  at: z.string(),
  version: z.number().nullable(),
  changes: HistoryRecord,
  snapshot: z.unknown(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** Fields that change on every write and say nothing about what was changed. */
const bookkeeping = new Set(['version', 'createdAt', 'updatedAt', 'deletedAt']);

/** What changed between two versions of a record: `{ field: [before, after] }`, for the history. */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (bookkeeping.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
}
