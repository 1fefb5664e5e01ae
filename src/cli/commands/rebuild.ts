import { Command } from 'commander';
import { rebuildDerived } from '../../app/derived/rebuild-derived.ts';
import { say, withStore } from '../context.ts';
import { startProgress } from '../progress.ts';
import { resolveOrganization } from '../resolve.ts';
import { countOf } from '../../domain/count-of.ts';

export function rebuildCommand(): Command {
  return new Command('rebuild')
    .description(
      'Rewrite every derived table (engagement and organization level) from raw interactions, one organization at a time, each in one transaction',
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
