import { Command } from 'commander';
import { CreateTokenRequest } from '../../domain/accounts/schemas.ts';
import { createApiToken } from '../../app/accounts/create-api-token.ts';
import { say, withStore } from '../context.ts';
import { parseOption, resolveOrganization } from '../resolve.ts';

export function tokenCommand(): Command {
  const token = new Command('token').description('Manage API tokens for scripts');
  token
    .command('create')
    .description('Create an API token; the secret is printed once and only its hash is kept')
    .requiredOption('--org <org>', 'organization id or slug')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--role <role>', 'role the token acts with', 'researcher')
    .option('--expires-in-days <days>', 'expiry in days (default: never)')
    .action(async (options: { org: string; name: string; role: string; expiresInDays?: string }) => {
      const input = parseOption(CreateTokenRequest, 'token', {
        name: options.name,
        role: options.role,
        expiresInDays: options.expiresInDays === undefined ? undefined : Number(options.expiresInDays),
      });
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const created = await createApiToken(store, organization.id, input, 'cli');
        process.stderr.write(
          `Token "${created.apiToken.name}" (${created.apiToken.role}) for ${organization.slug}; store it now, it is not shown again:\n`,
        );
        say(created.token);
      });
    });
  token
    .command('revoke')
    .description('Revoke an API token')
    .requiredOption('--org <org>', 'organization id or slug')
    .argument('<tokenId>', 'the token id (see the admin page or the API)')
    .action(async (tokenId: string, options: { org: string }) => {
      const { revokeApiToken } = await import('../../app/accounts/revoke-api-token.ts');
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const revoked = await revokeApiToken(store, organization.id, tokenId, 'cli');
        say(`revoked ${revoked.id} (${revoked.name})`);
      });
    });
  return token;
}
