import { Command } from 'commander';
import { rebuildDerived } from '../../app/derived/rebuild-derived.ts';
import { say, withStore } from '../context.ts';
import { startProgress } from '../progress.ts';
import { resolveOrganization } from '../resolve.ts';
import { countOf } from '../../domain/count-of.ts';

export function rebuildCommand(): Command {
  return new Command('rebuild')
    .description(
      'Make every derived table (engagement and organization level) what the raw interactions give, writing only the rows that differ: one transaction per run of engagements, then one for the organization-level rows; safe to stop and run again',
    )
    .option('--org <org>', 'rebuild one organization (default: all)')
    .action(async (options: { org?: string }) => {
      await withStore(async (store) => {
        const organizations = options.org
          ? [await resolveOrganization(store, options.org)]
          : await store.organizations.list();
        for (const organization of organizations) {
          const progress = startProgress(`rebuild ${organization.slug}`, { unit: 'engagements' });
          try {
            await rebuildDerived(store, organization.id, (done, of) => progress.update(done, of));
          } finally {
            progress.finish();
          }
        }
        say(`rebuilt the derived tables of ${countOf(organizations.length, 'organization')}`);
      });
    });
}
