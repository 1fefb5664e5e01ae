import { type Pseudonymizer } from '../../analysis/research-export/pseudonyms.ts';
import { type ResearchExportInput } from '../../analysis/research-export/research-export.ts';

/** The de-identified research export (docs/research-export.md): read the records, build the files, stream the zip. */

export interface ResearchExportOptions {
  /** The export key of the pseudonyms (at least 16 characters). */
  key: string;
  /** Interactions and waves on or after / on or before these dates (`YYYY-MM-DD`). */
  from?: string | undefined;
  to?: string | undefined;
  /** Only this engagement. */
  engagementId?: string | undefined;
  exportedAt?: Date;
}

/** An export read and checked, ready to stream: every refusal (bad key, unknown engagement, empty range) happens before a byte is written. */
export interface PreparedResearchExport {
  input: ResearchExportInput;
  pseudonym: Pseudonymizer;
  options: ResearchExportOptions;
  exportedAt: Date;
}
