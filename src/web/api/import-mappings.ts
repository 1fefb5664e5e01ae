import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import {
  SavedImportMapping,
  type ImportMapping,
  type ImportMappingInput,
} from '../../domain/support/import-mapping.ts';
import { tableFormats } from '../../domain/support/interaction-table.ts';
import { InteractionInput } from '../../domain/support/schemas.ts';
import { apiGet, apiRequest, segment } from './client.ts';

/** Saved import mappings and mapped imports (docs/import-mapping.md). */

const orgPath = (orgId: string, rest: string) => `/api/orgs/${segment(orgId)}/${rest}`;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MappedReport = z.object({
  format: z.enum(tableFormats).nullable(),
  dryRun: z.boolean(),
  rowsRead: z.number(),
  interactions: z.number(),
  written: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  errorCount: z.number(),
  mapping: z
    .object({
      name: z.string(),
      source: z.enum(['qualtrics', 'table']),
      columns: z.array(z.string()),
      questions: z.array(z.string()),
    })
    .optional(),
  preview: z.array(z.object({ row: z.number(), interaction: InteractionInput })).optional(),
});
export type MappedReport = z.infer<typeof MappedReport>;

export const listImportMappings = async (orgId: string, signal?: AbortSignal): Promise<SavedImportMapping[]> =>
  (await apiGet(orgPath(orgId, 'import-mappings'), ListOf(SavedImportMapping), signal)).items;

export const createImportMapping = (orgId: string, mapping: ImportMappingInput): Promise<SavedImportMapping> =>
  apiRequest('POST', orgPath(orgId, 'import-mappings'), { body: mapping, schema: SavedImportMapping });

export const updateImportMapping = (
  orgId: string,
  id: string,
  version: number,
  mapping: ImportMappingInput,
): Promise<SavedImportMapping> =>
  apiRequest('PUT', orgPath(orgId, `import-mappings/${segment(id)}`), {
    body: { version, mapping },
    schema: SavedImportMapping,
  });

export const importMappingExportPath = (orgId: string, id: string): string =>
  orgPath(orgId, `import-mappings/${segment(id)}/export`);

/** Previews (nothing written) or imports a file through an inline mapping, both sent as one multipart form. */
export const runMappedImport = (
  orgId: string,
  file: File,
  mapping: ImportMapping | ImportMappingInput,
  mode: 'preview' | 'import',
): Promise<MappedReport> => {
  const form = new FormData();
  form.set('mapping', JSON.stringify(mapping));
  form.set('file', new Blob([file], { type: /\.xlsx$/i.test(file.name) ? xlsxType : 'text/csv' }), file.name);
  return apiRequest('POST', orgPath(orgId, `interactions/import/${mode === 'preview' ? 'preview' : 'mapped'}`), {
    form,
    schema: MappedReport,
  });
};
