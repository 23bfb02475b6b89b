import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind GET /api/activities: full-text search on titles (the sheets' search_vector has
 * its own GIN index already) and one index per keyset sort, each ending in id, the tiebreak.
 */
export class ActivitySearch1763900000005 implements MigrationInterface {
  name = 'ActivitySearch1763900000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- The expression must stay exactly the one the list queries: to_tsvector('simple', title).
      CREATE INDEX activities_title_search_idx ON activities USING gin (to_tsvector('simple', title));
      -- startDate ascending uses activities_start_date_idx (start_date, id); descending keeps nulls last too.
      CREATE INDEX activities_start_date_desc_idx ON activities (start_date DESC NULLS LAST, id DESC);
      CREATE INDEX activities_plan_start_date_idx ON activities (plan_id, start_date, id);
      CREATE INDEX activities_title_idx ON activities (title, id);
      CREATE INDEX activities_created_at_idx ON activities (created_at, id);
      CREATE INDEX activities_region_idx ON activities (region) WHERE region IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX activities_region_idx, activities_created_at_idx, activities_title_idx, activities_plan_start_date_idx,
        activities_start_date_desc_idx, activities_title_search_idx
    `);
  }
}
