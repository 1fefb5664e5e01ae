import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Interaction, InteractionInput } from '../../src/domain/support/schemas.ts';
import type { Member, OrganizationWithRole } from '../../src/domain/accounts/schemas.ts';
import type { Engine } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';

/** A private temporary folder for the files of one test file. */
export function tempFolder(): { file(name: string): string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'praxis-import-test-'));
  return { file: (name) => path.join(dir, name), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes CSV lines (already quoted where needed) joined by `\n`. */
export function writeCsv(file: string, lines: string[]): string {
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

/** Writes rows as the first worksheet of an XLSX workbook, the way a spreadsheet program would. */
export async function writeXlsx(file: string, rows: (string | number | Date | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Reads the first worksheet of an XLSX file as text cells. */
export async function readXlsx(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

/** How many live interactions the organization has. */
export async function countInteractions(store: Store, organizationId: string): Promise<number> {
  return (await store.tenant(organizationId).interactions.allLive()).length;
}

/** What a file carries of an interaction (not ids, versions, authors, contacts or next steps), for comparing round trips. */
export function carried(interaction: Interaction | InteractionInput): unknown {
  return {
    engagementId: interaction.engagementId,
    date: interaction.date,
    time: interaction.time,
    durationMinutes: interaction.durationMinutes,
    mode: interaction.mode,
    stageId: interaction.stageId,
    counts: interaction.participants.counts,
    components: interaction.components,
    principles: interaction.principles,
    notes: interaction.notes,
  };
}

/** Sorted so two sets of interactions compare equal regardless of order. */
export const sortedCarried = (interactions: (Interaction | InteractionInput)[]): unknown[] =>
  interactions.map(carried).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** What most import tests start from: a fresh database, an organization with its admin, one engagement, a temporary folder. */
export interface ImportWorld {
  t: TestDatabase;
  orgId: string;
  engagementId: string;
  admin: Member;
  organization: OrganizationWithRole;
  folder: ReturnType<typeof tempFolder>;
  dispose(): Promise<void>;
}

export async function importWorld(engine: Engine = 'sqlite'): Promise<ImportWorld> {
  const t = await createTestDatabase(engine);
  const { organization, admin } = await buildOrganization(t.store);
  const engagementId = (await buildEngagement(t.store, organization.id, admin.userId)).engagement.id;
  const folder = tempFolder();
  return {
    t,
    orgId: organization.id,
    engagementId,
    admin,
    organization,
    folder,
    dispose: async () => {
      await t.dispose();
      folder.dispose();
    },
  };
}
