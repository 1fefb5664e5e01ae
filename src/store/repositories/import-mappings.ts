import { ImportMapping, SavedImportMapping } from '../../domain/support/import-mapping.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { VersionedRepository, type VersionedMapping } from './versioned.ts';

const at = (r: { id: string }, column: string) => ({ table: 'import_mappings', column, id: r.id });

export const importMappingMapping: VersionedMapping<'import_mappings', SavedImportMapping, ImportMapping> = {
  table: 'import_mappings',
  entity: 'import_mapping',
  label: 'Import mapping',
  columns: (m) => ({ name: m.name, mapping: JSON.stringify(m) }),
  fromRow: (r) => ({
    ...recordMeta(r),
    name: r.name,
    mapping: readJsonColumn(ImportMapping, r.mapping, at(r, 'mapping')),
  }),
};

/** The saved import mappings of one organization (docs/import-mapping.md). */
export class ImportMappingRepository extends VersionedRepository<'import_mappings', SavedImportMapping, ImportMapping> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, importMappingMapping);
  }

  /** The live mappings (and deleted ones when asked), by name. */
  async list(options: { includeDeleted?: boolean } = {}): Promise<SavedImportMapping[]> {
    let query = this.executor.selectFrom('import_mappings').selectAll().where('organization_id', '=', this.orgId);
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('name').orderBy('id').execute();
    return rows.map((r) => importMappingMapping.fromRow(r));
  }
}
