import { Command } from 'commander';
import { z } from 'zod';
import { exportFormats, exportInteractionsToFile } from '../../server/interactions/import-export.ts';
import { say, withStore } from '../context.ts';
import { parseOption, resolveOrganization } from '../resolve.ts';

export function exportCommand(): Command {
  const command = new Command('export').description('Export records to files');
  command
    .command('interactions')
    .description('Export live interactions: long or wide layout (CSV, or XLSX for a .xlsx file), or REDCap (records CSV plus FILE-dictionary.csv)')
    .requiredOption('--org <org>', 'organization id or slug')
    .requiredOption('--format <format>', exportFormats.join(', '))
    .requiredOption('--out <file>', 'the file to write')
    .action(async (options: { org: string; format: string; out: string }) => {
      const format = parseOption(z.enum(exportFormats), '--format', options.format);
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        for (const file of await exportInteractionsToFile(store, organization.id, format, options.out)) say(`wrote ${file}`);
      });
    });
  return command;
}
