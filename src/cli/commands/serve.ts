import { Command } from 'commander';
import { demoAccounts, demoPassword } from '../../domain/accounts/demo-accounts.ts';
import { loadConfig } from '../../server/config.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { openStore, say } from '../context.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Start the web app and HTTP API (runs pending migrations first)')
    .option('--demo', 'create the synthetic demo organization if it does not exist yet, and print its logins')
    .action(async (options: { demo?: boolean }) => {
      const config = loadConfig();
      const store = await openStore(config);
      await migrateToLatest(store.database.db);
      if (options.demo) await (await import('../../demo/seed.ts')).seedDemo(store);
      // The HTTP stack loads only for this command, so every other command starts quickly.
      const { buildApp } = await import('../../server/app.ts');
      const app = await buildApp({ store, config });
      const shutdown = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      const lines = [
        `Praxis is running at http://${shownHost}:${port}/  (database: ${store.database.engine}, ${store.database.location})`,
        `API documentation: http://${shownHost}:${port}/api/docs`,
      ];
      if (options.demo) {
        lines.push(`Demo logins (synthetic data), password "${demoPassword}":`);
        for (const account of demoAccounts) lines.push(`  ${account.role.padEnd(12)} ${account.email}`);
      }
      say(lines.join('\n'));
    });
}
