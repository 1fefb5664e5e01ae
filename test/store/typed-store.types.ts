/**
 * Type-level checks of the store, run by `tsc --noEmit` (this file is part of the project): each
 * `@ts-expect-error` marks a write that must not compile. If the error disappears, so does the check,
 * and typechecking fails on the unused directive.
 */
import type { Executor } from '../../src/store/repositories/executor.ts';
import { addToRowsPrepared, insertRowsPrepared } from '../../src/store/repositories/prepared.ts';
import type { VersionedMapping } from '../../src/store/repositories/versioned.ts';
import type { Partner, PartnerInput } from '../../src/domain/support/schemas.ts';

export async function preparedWrites(db: Executor): Promise<void> {
  const step = {
    interaction_id: 'i',
    position: 0,
    organization_id: 'o',
    engagement_id: 'e',
    interaction_date: '2026-01-01',
    text: 'Call the lead',
    owner: 'u',
    due_date: null,
  };
  await insertRowsPrepared(db, 'interaction_next_steps', [step]);

  // A misspelt optional column, built apart from the call.
  const { due_date: _dueDate, ...rest } = step;
  const misspelt = { ...rest, due_dat: null };
  // @ts-expect-error -- `due_dat` is no column of interaction_next_steps
  await insertRowsPrepared(db, 'interaction_next_steps', [misspelt]);

  // @ts-expect-error -- `txt` is no column of interaction_next_steps (and `text` is missing)
  await insertRowsPrepared(db, 'interaction_next_steps', [{ ...rest, text: undefined, txt: 'Call' }]);

  // @ts-expect-error -- no such table
  await insertRowsPrepared(db, 'interaction_next_step', [step]);

  const month = {
    organization_id: 'o',
    engagement_id: 'e',
    relationship_month: 1,
    interactions: 1,
    minutes: 30,
  };
  await addToRowsPrepared(db, 'relationship_month_dose', [month], ['engagement_id', 'relationship_month'], ['minutes']);
  // @ts-expect-error -- `minute` is no column of relationship_month_dose
  await addToRowsPrepared(db, 'relationship_month_dose', [month], ['engagement_id'], ['minute']);
  const { rows } = await addToRowsPrepared(
    db,
    'relationship_month_dose',
    [month],
    ['engagement_id'],
    ['minutes'],
    ['interactions'],
  );
  const interactions: number | undefined = rows[0]?.interactions;
  // @ts-expect-error -- only the columns asked for are returned
  void rows[0]?.minutes;
  void interactions;
}

export const misspeltMapping: VersionedMapping<'partners', Partner, PartnerInput> = {
  table: 'partners',
  entity: 'partner',
  label: 'Partner',
  // @ts-expect-error -- `state_or_county` is no column of partners (and `state_or_country` is missing)
  columns: (p) => ({
    parent_id: p.parentId,
    name: p.name,
    kind: p.kind,
    type: p.type,
    region: p.region,
    state_or_county: p.stateOrCountry,
    tags: JSON.stringify(p.tags),
  }),
  fromRow: (r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    parentId: r.parent_id,
    name: r.name,
    kind: 'team',
    type: r.type,
    region: r.region,
    stateOrCountry: r.state_or_country,
    // @ts-expect-error -- the row has no `tag` column
    tags: JSON.parse(r.tag) as string[],
  }),
};
