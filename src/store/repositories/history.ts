import type { Insertable } from 'kysely';
import { HistoryRecord } from '../../domain/history.ts';
import { newId, nowIso } from '../ids.ts';
import { readJsonColumn } from '../json-column.ts';
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
  /** Who the actor is, for people to read: see `actorNames`. */
  actorName: string | null;
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
  const names = await actorNames(
    db,
    organizationId,
    rows.map((r) => r.actor),
  );
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action as HistoryAction,
    actor: r.actor,
    actorName: r.actor === null ? null : (names.get(r.actor) ?? formerMember),
    at: r.at,
    changes: readJsonColumn(HistoryRecord, r.changes, { table: 'history', column: 'changes', id: r.id }),
    version: r.version,
    snapshot:
      r.snapshot === null
        ? null
        : readJsonColumn(HistoryRecord, r.snapshot, { table: 'history', column: 'snapshot', id: r.id }),
  }));
}

const tokenPrefix = 'token:';
const formerMember = 'a former member';
/** Changes made by `praxis` commands on the server carry this actor. */
const commandActor = 'cli';

/**
 * The readable names of the actors of history entries: a member's name, "API token <name>" for a token
 * of the organization, "the praxis command" for the command line, and "a former member" for someone who has left
 * it (their changes stay in the history).
 */
async function actorNames(
  db: Executor,
  organizationId: string,
  actors: (string | null)[],
): Promise<Map<string, string>> {
  const distinct = [...new Set(actors.filter((actor): actor is string => actor !== null))];
  const tokenIds = distinct
    .filter((actor) => actor.startsWith(tokenPrefix))
    .map((actor) => actor.slice(tokenPrefix.length));
  const userIds = distinct.filter((actor) => !actor.startsWith(tokenPrefix));
  const names = new Map<string, string>();
  if (distinct.includes(commandActor)) names.set(commandActor, 'the praxis command');
  if (userIds.length > 0) {
    const members = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name'])
      .where('memberships.organization_id', '=', organizationId)
      .where('users.id', 'in', userIds)
      .execute();
    for (const member of members) names.set(member.id, member.name);
  }
  if (tokenIds.length > 0) {
    const tokens = await db
      .selectFrom('api_tokens')
      .select(['id', 'name'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', tokenIds)
      .execute();
    for (const token of tokens) names.set(`${tokenPrefix}${token.id}`, `API token ${token.name}`);
  }
  return names;
}
