import { DataSource } from 'typeorm';
import { loadConfig } from '@trta/config';
import { dataSourceOptions, locatePostgres, runMigrations } from '@trta/database';
import { DEMO_PASSWORD, seedDemoPeople } from './demo-people';
import { seedDemoPlan } from './demo-plan';
import { assertNotProduction } from './production-guard';

/** `npm run seed:demo`: migrates, then loads the demo plan into the database the product uses. */
async function main(): Promise<void> {
  const config = loadConfig();
  assertNotProduction(config.NODE_ENV);
  const postgres = await locatePostgres(config, (message) => console.log(message));
  try {
    await runMigrations(postgres.url);
    const dataSource = await new DataSource(dataSourceOptions(postgres.url)).initialize();
    try {
      // One clock: the statuses follow this date (UTC), which is printed for whoever checks them.
      const now = new Date();
      const plan = await seedDemoPlan(dataSource, now);
      console.log(
        plan.created
          ? `demo plan 2026-2027 loaded: ${plan.activities} activities with their sheets (statuses as of ${now.toISOString().slice(0, 10)})`
          : `demo plan 2026-2027 already present (${plan.activities} activities); nothing changed`,
      );
      const people = await seedDemoPeople(dataSource, plan.planId);
      console.log(
        people.created
          ? `demo people loaded: ${people.users} accounts (password ${DEMO_PASSWORD}) and ${people.applications} applications`
          : `demo people already present (${people.users} accounts, ${people.applications} applications); nothing changed`,
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await postgres.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
