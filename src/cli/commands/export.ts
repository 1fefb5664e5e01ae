import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { Command } from 'commander';
import { z } from 'zod';
import { IsoDate } from '../../domain/support/schemas.ts';
import { checkExportKey } from '../../analysis/research-export/pseudonyms.ts';
import { exportFormats } from '../../app/interactions/export-files.ts';
import { exportInteractionsToFile } from '../../app/interactions/export-interactions-to-file.ts';
import { generateExportKey } from '../../app/research-export/generate-export-key.ts';
import { prepareResearchExport } from '../../app/research-export/prepare-research-export.ts';
import { writeResearchExport } from '../../app/research-export/write-research-export.ts';
import { say, withStore } from '../context.ts';
import { startProgress } from '../progress.ts';
import { parseOption, resolveOrganization } from '../resolve.ts';

export function exportCommand(): Command {
  const command = new Command('export').description('Export records to files');
  command
    .command('interactions')
    .description(
      'Export live interactions: long or wide layout (CSV, or XLSX for a .xlsx file), or REDCap (records CSV plus FILE-dictionary.csv)',
    )
    .requiredOption('--org <org>', 'organization id or slug')
    .requiredOption('--format <format>', exportFormats.join(', '))
    .requiredOption('--out <file>', 'the file to write')
    .action(async (options: { org: string; format: string; out: string }) => {
      const format = parseOption(z.enum(exportFormats), '--format', options.format);
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const progress = startProgress('export', { unit: 'interactions' });
        const total = progress.active ? await store.tenant(organization.id).interactions.countLive() : undefined;
        let files;
        try {
          files = await exportInteractionsToFile(store, organization.id, format, options.out, (read) =>
            progress.update(read, total),
          );
        } finally {
          progress.finish();
        }
        for (const file of files) say(`wrote ${file}`);
      });
    });
  command
    .command('research')
    .description(
      'Write the de-identified research export: a zip of tidy CSVs, codebook, model documents, REDCap dictionaries and analysis.R (docs/research-export.md)',
    )
    .requiredOption('--org <org>', 'organization id or slug')
    .requiredOption('--out <file>', 'the zip file to write')
    .option(
      '--key <key>',
      'export key of the pseudonyms (at least 16 characters; default: PRAXIS_EXPORT_KEY, else a new key is generated and printed)',
    )
    .option('--from <date>', 'only interactions and waves on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only interactions and waves on or before this date (YYYY-MM-DD)')
    .option('--engagement <id>', 'only this engagement')
    .action(
      async (options: { org: string; out: string; key?: string; from?: string; to?: string; engagement?: string }) => {
        const from = options.from === undefined ? undefined : parseOption(IsoDate, '--from', options.from);
        const to = options.to === undefined ? undefined : parseOption(IsoDate, '--to', options.to);
        const given = options.key ?? (process.env.PRAXIS_EXPORT_KEY || undefined);
        if (given !== undefined) checkExportKey(given, options.key === undefined ? 'PRAXIS_EXPORT_KEY' : '--key');
        const key = given ?? generateExportKey();
        await withStore(async (store) => {
          const organization = await resolveOrganization(store, options.org);
          // One consistent snapshot for the whole export, so every file describes the same records.
          const written = await store.snapshot(async (snapshot) => {
            const prepared = await prepareResearchExport(snapshot.tenant(organization.id), {
              key,
              from,
              to,
              engagementId: options.engagement,
            });
            const out = createWriteStream(options.out);
            const progress = startProgress('research export', { unit: 'rows' });
            try {
              const files = await writeResearchExport(prepared, out, (rows) => progress.update(rows));
              await finished(out);
              return files;
            } catch (error) {
              out.destroy();
              await rm(options.out, { force: true });
              throw error;
            } finally {
              progress.finish();
            }
          });
          for (const file of written) if (file.rows !== null) say(`${file.file}: ${file.rows} rows`);
          say(`wrote ${options.out}`);
          if (given === undefined)
            say(
              `export key (generated; keep it secret, and pass it as --key or PRAXIS_EXPORT_KEY to give a later export the same pseudonyms):\n${key}`,
            );
        });
      },
    );
  return command;
}
