import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the public catalogue (published open calls in deadline order; title search has
 * activities_title_search_idx from 0005) and for finding whether a stored file is still used by
 * a material before it is removed.
 */
export class SheetsExtras1763900000006 implements MigrationInterface {
  name = 'SheetsExtras1763900000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX activities_catalogue_idx ON activities ((coalesce(application_deadline, 'infinity'::date)), id)
        WHERE status = 'open' AND sheet_published_at IS NOT NULL;
      CREATE INDEX sheet_materials_file_idx ON sheet_materials (file_id) WHERE file_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX sheet_materials_file_idx, activities_catalogue_idx');
  }
}
