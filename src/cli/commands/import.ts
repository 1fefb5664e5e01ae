import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { parseImportMapping, type ImportMapping } from '../../domain/support/import-mapping.ts';
import { tableFormats } from '../../domain/support/interaction-table.ts';
import { importInteractions } from '../../app/interactions/import-interactions.ts';
import { tableFileKindOf, type ImportReport } from '../../app/interactions/import-files.ts';
import type { Store } from '../../store/store.ts';
import { say, withStore } from '../context.ts';
import { startProgress } from '../progress.ts';
import { parseOption, resolveOrganization, resolveUser } from '../resolve.ts';
import { countOf } from '../../domain/count-of.ts';

/** The author recorded on imported interactions: `cli`, or a member of the organization named by email. */
async function importActor(store: Store, organizationId: string, email: string | undefined): Promise<string> {
  if (!email) return 'cli';
  const user = await resolveUser(store, email);
  if (!(await store.tenant(organizationId).members.find(user.id)))
    throw notFound(`Member "${email}" of this organization`);
  return user.id;
}

/** Reads a mapping document (docs/import-mapping.md), refusing it with every problem by its path. */
function readMapping(file: string): ImportMapping {
  if (!existsSync(file))
    throw new AppError('not_found', `Mapping "${file}" not found`, [{ path: 'mapping', message: 'does not exist' }]);
  const parsed = parseImportMapping(readFileSync(file, 'utf8'));
  if ('errors' in parsed)
    throw invalid(
      `The mapping "${file}" is not a valid import mapping`,
      parsed.errors.map((e) => ({ path: e.path ? `mapping.${e.path}` : 'mapping', message: e.message })),
    );
  return parsed.mapping;
}

/** The report as people read it: the counts, then one line per problem. */
export function describeImport(report: ImportReport): string[] {
  const layout = report.mapping
    ? ` (mapping "${report.mapping.name}", ${report.mapping.source === 'qualtrics' ? 'Qualtrics export' : 'one header row'})`
    : report.format
      ? ` (${report.format} layout)`
      : '';
  const outcome =
    report.errorCount > 0
      ? 'nothing was written'
      : report.dryRun
        ? 'dry run: nothing was written'
        : `${countOf(report.written, 'interaction')} written`;
  const lines = [
    `${countOf(report.rowsRead, 'row')} read, ${countOf(report.interactions, 'interaction')}${layout}; ${outcome}`,
  ];
  if (report.preview && report.preview.length > 0) {
    lines.push(`The first ${countOf(report.preview.length, 'interaction')} as Praxis reads them:`);
    for (const { row, interaction: i } of report.preview) {
      const components = i.components
        .map((c) => `${c.componentId} ${c.minutes}${c.activityIds.length > 0 ? ` (${c.activityIds.join(', ')})` : ''}`)
        .join('; ');
      lines.push(
        `  row ${row}: ${i.date}${i.time ? ` ${i.time}` : ''}, engagement ${i.engagementId}, ${i.durationMinutes} min, ${i.mode}${components ? `; ${components}` : ''}`,
      );
    }
  }
  if (report.errorCount > 0) {
    lines.push(
      `${countOf(report.errorCount, 'problem')}${report.errorCount > report.errors.length ? `, the first ${report.errors.length} listed` : ''}:`,
    );
    for (const e of report.errors) lines.push(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
  }
  return lines;
}

export function importCommand(): Command {
  const command = new Command('import').description('Import records from files');
  command
    .command('interactions')
    .description(
      'Import interactions from a CSV or XLSX file (long or wide layout, see docs/import-formats.md, or any table through --mapping, see docs/import-mapping.md); all or nothing, exit 1 with the report if any row is bad',
    )
    .argument('<file>', 'a .csv or .xlsx file')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--format <format>', `layout: ${tableFormats.join(' or ')} (default: inferred from the header)`)
    .option('--mapping <file>', 'a mapping document (JSON) from the columns of any table, such as a Qualtrics export')
    .option('--dry-run', 'check every row and write nothing (with --mapping: also show the first interactions)')
    .option('--json', 'print the report as JSON')
    .option('--as <email>', 'attribute the interactions to this member (default: cli)')
    .action(
      async (
        file: string,
        options: { org: string; format?: string; mapping?: string; dryRun?: boolean; json?: boolean; as?: string },
      ) => {
        if (options.mapping !== undefined && options.format !== undefined)
          throw invalid('Give either --format or --mapping', [
            { path: '--format', message: 'a mapped import reads the layout the mapping describes' },
          ]);
        const format =
          options.format === undefined ? undefined : parseOption(z.enum(tableFormats), '--format', options.format);
        if (!existsSync(file))
          throw new AppError('not_found', `File "${file}" not found`, [{ path: 'file', message: 'does not exist' }]);
        const mapping = options.mapping === undefined ? undefined : readMapping(options.mapping);
        await withStore(async (store) => {
          const organization = await resolveOrganization(store, options.org);
          const actor = await importActor(store, organization.id, options.as);
          const progress = startProgress('import', { unit: 'rows', json: options.json });
          let report;
          try {
            report = await importInteractions(store, organization.id, file, {
              kind: tableFileKindOf(file),
              format,
              dryRun: options.dryRun === true,
              actor,
              mapping,
              preview: mapping && options.dryRun ? 5 : undefined,
              // The rows in all, estimated from the share of the file read so far.
              progress: (rowsRead, share) => progress.update(rowsRead, share > 0 ? rowsRead / share : undefined),
            });
          } finally {
            progress.finish();
          }
          if (options.json) say(JSON.stringify(report, null, 2));
          else describeImport(report).forEach(say);
          if (report.errorCount > 0) process.exitCode = 1;
        });
      },
    );
  return command;
}
