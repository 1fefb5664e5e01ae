import type { Writable } from 'node:stream';
import { type WrittenFile } from '../../analysis/research-export/research-export.ts';
import type { Store } from '../../store/store.ts';
import type { ResearchExportOptions } from './research-export-records.ts';
import { prepareResearchExport } from './prepare-research-export.ts';
import { writeResearchExport } from './write-research-export.ts';

/**
 * Checks and writes an export from one consistent snapshot of the database (`Store.snapshot`), so that
 * every file describes the same records however long the export takes and whatever is written
 * meanwhile. Resolves once the export is checked (every refusal comes before then) with what it is
 * writing to `out`; `written` settles when the zip is complete.
 */
export function startResearchExport(
  store: Store,
  organizationId: string,
  options: ResearchExportOptions,
  out: Writable,
): Promise<{ exportedAt: Date; written: Promise<WrittenFile[]> }> {
  return new Promise((started, refused) => {
    let exportedAt: Date | undefined;
    const written = store.snapshot(async (snapshot) => {
      const prepared = await prepareResearchExport(snapshot.tenant(organizationId), options);
      exportedAt = prepared.exportedAt;
      started({ exportedAt, written });
      return writeResearchExport(prepared, out);
    });
    written.catch((error: unknown) => {
      if (exportedAt === undefined) refused(error);
    });
  });
}
