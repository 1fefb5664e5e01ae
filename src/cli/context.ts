import { loadConfig, type Config } from '../server/config.ts';
import { openDatabase } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { Store } from '../store/store.ts';

/** Opens the configured database, brings its schema up to date, runs `work`, and always closes it. */
export async function withStore<T>(
  work: (store: Store, config: Config) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    if (options.migrate !== false) await migrateToLatest(store.database.db);
    return await work(store, config);
  } finally {
    await store.close();
  }
}

export async function openStore(config: Config): Promise<Store> {
  return new Store(
    await openDatabase({
      databaseUrl: config.databaseUrl,
      databaseSchema: config.databaseSchema,
      dataDir: config.dataDir,
    }),
  );
}

/** Writes a line to standard output; commands print results there and problems to standard error. */
export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
