import type { Insertable } from 'kysely';
import { newId, nowIso } from '../ids.ts';
import type { HistoryTable } from '../schema.ts';
import type { Executor } from './executor.ts';
import { insertRowsPrepared } from './prepared.ts';

export type HistoryAction = 'create' | 'update' | 'delete' | 'restore' | 'revoke';

export interface HistoryEntry {
  id: string;
  entity: string;
  entityId: string;
  action: HistoryAction;
  actor: string | null;
  at: string;
  changes: Record<string, unknown>;
  version: number | null;
  snapshot: unknown;
}

export interface NewHistoryEntry {
  organizationId: string | null;
  version?: number;
  snapshot?: unknown;
  entity: string;
  entityId: string;
  action: HistoryAction;
  actor: string | null;
  changes: Record<string, unknown>;
}

/** The stored row of a history entry, written now. */
export function historyRow(entry: NewHistoryEntry, at: string = nowIso()): Insertable<HistoryTable> {
  return {
    id: newId(),
    organization_id: entry.organizationId,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    actor: entry.actor,
    at,
    changes: JSON.stringify(entry.changes),
    version: entry.version ?? null,
    snapshot: entry.snapshot === undefined ? null : JSON.stringify(entry.snapshot),
  };
}

/** Appends one entry to the change history; call it inside the transaction that makes the change. */
export async function recordHistory(db: Executor, entry: NewHistoryEntry): Promise<void> {
  await insertRowsPrepared(db, 'history', [historyRow(entry)]);
}

/** The history of one record in an organization, oldest first. */
export async function listHistory(
  db: Executor,
  organizationId: string,
  entity: string,
  entityId: string,
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('history')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action as HistoryAction,
    actor: r.actor,
    at: r.at,
    changes: JSON.parse(r.changes) as Record<string, unknown>,
    version: r.version,
    snapshot: r.snapshot === null ? null : (JSON.parse(r.snapshot) as unknown),
  }));
}
