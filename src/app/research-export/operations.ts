import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { outcomeSeries } from '../../analysis/outcomes/index.ts';
import { createPseudonymizer, type Pseudonymizer } from '../../analysis/research-export/pseudonyms.ts';
import {
  readmeFile,
  readmeText,
  researchExportFiles,
  type ResearchExportInput,
  type WrittenFile,
} from '../../analysis/research-export/research-export.ts';
import { summarizeInteractions, type Table } from '../../analysis/research-export/tables.ts';
import { formatCsv, type CsvCell } from '../../domain/csv.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import type { EngagementOutcomes, Wave } from '../../domain/measurement/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/operations.ts';
import { instrumentLine } from '../measurement/instrument-line.ts';
import { engagementsObservations } from '../measurement/observations.ts';
import { praxisVersion } from '../package-root.ts';
import { ZipWriter } from './zip-writer.ts';

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

/** A fresh export key: 32 random bytes, base64url. Whoever keeps it can make later exports with the same pseudonyms. */
export const generateExportKey = (): string => randomBytes(32).toString('base64url');

const byVersion = (a: { id: string; version: string }, b: { id: string; version: string }): number =>
  a.id.localeCompare(b.id) || a.version.localeCompare(b.version, 'en', { numeric: true });
const inRange = (date: string, from: string | undefined, to: string | undefined): boolean =>
  (!from || date >= from) && (!to || date <= to);

/** Everything the export holds, read from one organization's live records and limited by the options. */
export async function readResearchRecord(
  tenant: TenantStore,
  options: ResearchExportOptions,
  today: string,
): Promise<ResearchExportInput> {
  const { from, to, engagementId } = options;
  if (from && to && from > to)
    throw invalid('The date range is empty', [{ path: 'to', message: `is before from (${from})` }]);
  let engagements = await tenant.engagements.list();
  if (engagementId) {
    engagements = engagements.filter((e) => e.id === engagementId);
    if (engagements.length === 0) throw notFound(`Engagement "${engagementId}"`);
  }
  const engagementIds = new Set(engagements.map((e) => e.id));
  async function* interactions() {
    for await (const interaction of tenant.interactions.eachLive({ engagementId, from, to }))
      if (engagementIds.has(interaction.engagementId)) yield interaction;
  }

  const waves: Wave[] = [];
  const outcomes: EngagementOutcomes[] = [];
  for (const measured of await engagementsObservations(
    tenant,
    engagements.map((e) => e.id),
  )) {
    waves.push(...measured.waves);
    const kept = outcomeSeries(measured.outcomeWaves, measured.observations)
      .map((s) => ({ ...s, points: s.points.filter((p) => inRange(p.date, from, to)) }))
      .filter((s) => s.points.length > 0);
    if (kept.length > 0) outcomes.push({ engagementId: measured.engagementId, series: kept });
  }

  const datesAsked = new Map(
    outcomes.map((o) => [o.engagementId, [...new Set(o.series.flatMap((s) => s.points.map((p) => p.date)))]]),
  );
  const summary = await summarizeInteractions(interactions(), engagements, datesAsked);

  const modelRefs = new Map<string, { id: string; version: string }>();
  for (const record of [...engagements.map((e) => ({ id: e.modelId, version: e.modelVersion })), ...summary.modelRefs])
    modelRefs.set(`${record.id}@${record.version}`, record);
  const models: PracticeModel[] = [];
  for (const ref of [...modelRefs.values()].sort(byVersion)) models.push(await modelOf(tenant, ref.id, ref.version));

  // Scores are computed with the latest version of each instrument, so its dictionary is the one that explains them.
  const instruments = [];
  for (const id of [...new Set(waves.flatMap((w) => w.instruments.map((i) => i.instrumentId)))].sort()) {
    const latest = (await instrumentLine(tenant, id)).at(-1);
    if (latest) instruments.push(latest);
  }

  return {
    engagements,
    partners: await tenant.partners.list(),
    contacts: (await tenant.contacts.list()).map((c) => ({ id: c.id, level: c.level })),
    interactions,
    summary,
    waves,
    outcomes,
    models,
    instruments,
    until: to && to < today ? to : today,
  };
}

const rowsPerChunk = 1000;

/** A table as CSV text chunks, a thousand rows at a time. */
async function* csvChunks(table: Table, count: { rows: number }, progress?: () => void): AsyncGenerator<string> {
  let batch: CsvCell[][] = [];
  let header = true;
  for await (const row of table.rows()) {
    if (header) header = false;
    else count.rows += 1;
    batch.push(row);
    if (batch.length === rowsPerChunk) {
      yield formatCsv(batch, { recordDelimiter: 'unix' });
      batch = [];
      progress?.();
    }
  }
  if (batch.length > 0) yield formatCsv(batch, { recordDelimiter: 'unix' });
}

/** An export read and checked, ready to stream: every refusal (bad key, unknown engagement, empty range) happens before a byte is written. */
export interface PreparedResearchExport {
  input: ResearchExportInput;
  pseudonym: Pseudonymizer;
  options: ResearchExportOptions;
  exportedAt: Date;
}

export async function prepareResearchExport(
  tenant: TenantStore,
  options: ResearchExportOptions,
): Promise<PreparedResearchExport> {
  const exportedAt = options.exportedAt ?? new Date();
  const pseudonym = createPseudonymizer(options.key);
  const input = await readResearchRecord(tenant, options, exportedAt.toISOString().slice(0, 10));
  return { input, pseudonym, options, exportedAt };
}

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

/**
 * Writes a prepared research export to `out` as a zip and ends it; returns what it wrote. `progress`
 * hears the rows written so far, over all files, a thousand at a time.
 */
export async function writeResearchExport(
  { input, pseudonym, options, exportedAt }: PreparedResearchExport,
  out: Writable,
  progress?: (rows: number) => void,
): Promise<WrittenFile[]> {
  const zip = new ZipWriter(out, exportedAt);
  const written: WrittenFile[] = [];
  let rowsBefore = 0;
  for (const file of researchExportFiles(input, pseudonym)) {
    if (typeof file.content === 'string') written.push({ ...(await zip.add(file.file, [file.content])), rows: null });
    else {
      const count = { rows: 0 };
      const chunks = csvChunks(file.content, count, progress && (() => progress(rowsBefore + count.rows)));
      written.push({ ...(await zip.add(file.file, chunks)), rows: count.rows });
      rowsBefore += count.rows;
    }
  }
  const readme = readmeText(
    {
      praxisVersion,
      exportedAt: exportedAt.toISOString(),
      models: input.models.map((m) => ({ id: m.id, version: m.version })),
      filters: {
        from: options.from,
        to: options.to,
        engagement: options.engagementId && pseudonym('engagement', options.engagementId),
      },
    },
    written,
  );
  written.push({ ...(await zip.add(readmeFile, [readme])), rows: null });
  await zip.end();
  return written;
}
