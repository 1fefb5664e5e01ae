import { createPseudonymizer } from '../../analysis/research-export/pseudonyms.ts';
import type { TenantStore } from '../../store/store.ts';
import type { ResearchExportOptions, PreparedResearchExport } from './research-export-records.ts';
import { readResearchRecord } from './read-research-record.ts';

export async function prepareResearchExport(
  tenant: TenantStore,
  options: ResearchExportOptions,
): Promise<PreparedResearchExport> {
  const exportedAt = options.exportedAt ?? new Date();
  const pseudonym = createPseudonymizer(options.key);
  const input = await readResearchRecord(tenant, options, exportedAt.toISOString().slice(0, 10));
  return { input, pseudonym, options, exportedAt };
}
