import { Command } from 'commander';
import { demoAccounts, demoPassword } from '../../domain/accounts/demo-accounts.ts';
import { seedDemo } from '../../demo/seed.ts';
import { say, withStore } from '../context.ts';

export function demoCommand(): Command {
  return new Command('demo')
    .description('Create the synthetic demo organization with one login per role')
    .option('--reset', 'replace an existing demo organization and everything in it')
    .action(async (options: { reset?: boolean }) => {
      await withStore(async (store) => {
        const result = await seedDemo(store, { reset: options.reset ?? false });
        say(
          result.created
            ? `Demo organization created with ${result.interactions} synthetic interactions.`
            : 'Demo organization already exists; use --reset to rebuild it.',
        );
        say(`Logins, password "${demoPassword}":`);
        for (const account of demoAccounts) say(`  ${account.role.padEnd(12)} ${account.email}`);
      });
    });
}
