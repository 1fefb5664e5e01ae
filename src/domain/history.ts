/** Fields that change on every write and say nothing about what was changed. */
const bookkeeping = new Set(['version', 'createdAt', 'updatedAt', 'deletedAt']);

/** What changed between two versions of a record: `{ field: [before, after] }`, for the history. */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (bookkeeping.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
}
