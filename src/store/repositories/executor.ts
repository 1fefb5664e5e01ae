import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** True when a driver error is a unique-constraint violation, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Engagement ids per read: one query for any realistic selection, inside both engines' parameter limits. */
const idsPerRead = 5000;

/**
 * A selection's engagement ids, without repeats, in groups of `idsPerRead`, or one null group for the
 * whole organization. Groups hold different engagements, so sums read per group add up.
 */
export function* idGroups(ids: readonly string[] | null): Generator<string[] | null> {
  if (ids === null) {
    yield null;
    return;
  }
  const unique = [...new Set(ids)];
  for (let at = 0; at < unique.length; at += idsPerRead) yield unique.slice(at, at + idsPerRead);
}
