import { Command } from 'commander';
import { CreateOrganizationRequest } from '../../domain/accounts/schemas.ts';
import { createOrganization } from '../../app/accounts/create-organization.ts';
import { say, withStore } from '../context.ts';
import { parseOption, resolveUser } from '../resolve.ts';

export function orgCommand(): Command {
  const org = new Command('org').description('Manage organizations');
  org
    .command('create')
    .description('Create an organization')
    .argument('<name>', 'its display name')
    .option('--slug <slug>', 'short URL name (default: from the name)')
    .option('--admin <email>', 'an existing account to make its administrator')
    .action(async (name: string, options: { slug?: string; admin?: string }) => {
      const input = parseOption(CreateOrganizationRequest, 'organization', { name, slug: options.slug });
      await withStore(async (store) => {
        const admin = options.admin ? { userId: (await resolveUser(store, options.admin)).id } : null;
        const created = await createOrganization(store, input, admin, 'cli');
        say(`${created.id}  ${created.slug}  ${created.name}`);
      });
    });
  org
    .command('list')
    .description('List every organization')
    .action(async () => {
      await withStore(async (store) => {
        for (const o of await store.organizations.list())
          say(`${o.id}  ${o.slug}  ${o.name}${o.isDemo ? '  [demo]' : ''}`);
      });
    });
  return org;
}
