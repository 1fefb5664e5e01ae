import { Command } from 'commander';
import { eachDerivedDifference } from '../../app/derived/each-derived-difference.ts';
import { say, withStore } from '../context.ts';
import { startProgress } from '../progress.ts';
import { resolveOrganization } from '../resolve.ts';
import { countOf } from '../../domain/count-of.ts';

export function checkCommand(): Command {
  return new Command('check')
    .description(
      'Recompute every derived table (engagement and organization level) and the next-step index from raw interactions and report every difference (exit 1 if any)',
    )
    .option('--org <org>', 'check one organization (default: all)')
    .action(async (options: { org?: string }) => {
      await withStore(async (store) => {
        const organizations = options.org
          ? [await resolveOrganization(store, options.org)]
          : await store.organizations.list();
        let differences = 0;
        for (const organization of organizations) {
          const tenant = store.tenant(organization.id);
          const progress = startProgress(`check ${organization.slug}`, { unit: 'interactions' });
          const total = progress.active ? await tenant.interactions.countLive() : undefined;
          try {
            // Each difference is printed as it is found (the progress line cleared first, and drawn again
            // on the next update), so a check that finds millions holds none of them.
            differences += await eachDerivedDifference(
              tenant,
              (d) => {
                progress.finish();
                say(
                  `${organization.slug}  ${d.table}  ${d.key}  stored=${JSON.stringify(d.stored)}  recomputed=${JSON.stringify(d.recomputed)}`,
                );
              },
              (read) => progress.update(read, total),
            );
          } finally {
            progress.finish();
          }
        }
        say(
          differences === 0
            ? `rollups match raw data in ${countOf(organizations.length, 'organization')}`
            : `${countOf(differences, 'difference')} found`,
        );
        if (differences > 0) process.exitCode = 1;
      });
    });
}
