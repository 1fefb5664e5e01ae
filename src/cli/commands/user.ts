import { Command } from 'commander';
import { Email, Password, PersonName } from '../../domain/accounts/schemas.ts';
import { addMember } from '../../app/accounts/add-member.ts';
import { changeRole } from '../../app/accounts/change-role.ts';
import { createUser } from '../../app/accounts/create-user.ts';
import { readSecret } from '../secret-input.ts';
import { say, withStore } from '../context.ts';
import { parseOption, parseRole, resolveOrganization, resolveUser } from '../resolve.ts';

export function userCommand(): Command {
  const user = new Command('user').description('Manage accounts and roles');
  user
    .command('create')
    .description('Create an account, optionally as a member of an organization')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input (otherwise from PRAXIS_PASSWORD)')
    .option('--org <org>', 'organization id or slug to join')
    .option('--role <role>', 'role in that organization', 'practitioner')
    .action(async (options: { email: string; name: string; passwordStdin?: boolean; org?: string; role: string }) => {
      const email = parseOption(Email, '--email', options.email);
      const name = parseOption(PersonName, '--name', options.name);
      const password = parseOption(
        Password,
        'password',
        await readSecret(options.passwordStdin ?? false, 'PRAXIS_PASSWORD'),
      );
      const role = parseRole(options.role);
      await withStore(async (store) => {
        if (options.org) {
          const organization = await resolveOrganization(store, options.org);
          const member = await addMember(store, organization.id, { email, name, role, password }, 'cli');
          say(`${member.userId}  ${member.email}  ${member.role} in ${organization.slug}`);
        } else {
          const created = await createUser(store, { email, name, password }, 'cli');
          say(`${created.id}  ${created.email}`);
        }
      });
    });
  user
    .command('set-role')
    .description("Set a person's role in an organization (adds them if they are not a member)")
    .requiredOption('--org <org>', 'organization id or slug')
    .requiredOption('--email <email>', 'the account')
    .requiredOption('--role <role>', 'admin, lead, practitioner, researcher or partner')
    .action(async (options: { org: string; email: string; role: string }) => {
      const role = parseRole(options.role);
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const person = await resolveUser(store, options.email);
        const isMember = await store.tenant(organization.id).members.find(person.id);
        const member = isMember
          ? await changeRole(store, organization.id, person.id, role, 'cli')
          : await addMember(store, organization.id, { email: person.email, name: person.name, role }, 'cli');
        say(`${member.email}  ${member.role} in ${organization.slug}`);
      });
    });
  return user;
}
