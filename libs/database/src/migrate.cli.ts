import { loadConfig } from '@trta/config';
import { revertMigrations, runMigrations } from './migrate';
import { locatePostgres } from './postgres-locator';

/** `npm run migration:run` / `npm run migration:revert`, against the database the product would use. */
async function main(): Promise<void> {
  const command = process.argv[2];
  const config = loadConfig();
  const postgres = await locatePostgres(config, (message) => console.log(message));
  try {
    if (command === 'run') {
      const applied = await runMigrations(postgres.url);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } else if (command === 'revert') {
      await revertMigrations(postgres.url, Number(process.argv[3] ?? 1));
      console.log('reverted');
    } else {
      throw new Error('usage: migrate.cli (run | revert [steps])');
    }
  } finally {
    await postgres.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
