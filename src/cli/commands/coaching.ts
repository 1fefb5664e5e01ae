import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { exportCoaching } from '../../app/coaching/export-coaching.ts';
import { say, withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';

/** `praxis coaching export`: an organization's coaching records as JSON, for its operators. */
export function coachingCommand(): Command {
  const command = new Command('coaching').description('Coaching records of practitioners: export');
  command
    .command('export')
    .description(
      'Export every live review, observation, coaching session, development goal and self-assessment as JSON (identified: for the organization only; researchers use the research export)',
    )
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--out <file>', 'the file to write (default: standard output)')
    .action(async (options: { org: string; out?: string }) => {
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const records = await exportCoaching(store, organization.id);
        const text = `${JSON.stringify(records, null, 2)}\n`;
        if (options.out) {
          writeFileSync(options.out, text);
          const counts = Object.entries(records).map(([kind, list]) => `${list.length} ${kind}`);
          say(`wrote ${options.out}: ${counts.join(', ')}`);
        } else process.stdout.write(text);
      });
    });
  return command;
}
