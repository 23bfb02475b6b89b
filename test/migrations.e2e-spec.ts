import { DataSource } from 'typeorm';
import { dataSourceOptions, revertMigrations, runMigrations } from '@trta/database';
import { createTestDatabase } from './support/test-app';

describe('migrations', () => {
  it('run up on an empty database, down to nothing, and up again', async () => {
    const database = await createTestDatabase();
    try {
      const applied = await runMigrations(database.url);
      expect(applied.length).toBeGreaterThanOrEqual(2);
      expect(await runMigrations(database.url)).toEqual([]);
      await revertMigrations(database.url, applied.length);
      const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
      const tables = await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`);
      await dataSource.destroy();
      expect(tables).toEqual([]);
      expect(await runMigrations(database.url)).toEqual(applied);
    } finally {
      await database.drop();
    }
  });
});
