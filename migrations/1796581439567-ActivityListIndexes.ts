import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the activity list's common filters where EXPLAIN showed a scan (issue 16):
 * - a status with the default order (start date): read in order instead of filtering the whole
 *   start-date index for a rare status such as `planned`;
 * - an activity's length (end_date - start_date): its largest value bounds how early an activity
 *   overlapping a date range can start, so a calendar range is an index range scan on the start
 *   date instead of a scan from the first activity (ActivitySearchService, `from`).
 */
export class ActivityListIndexes1796581439567 implements MigrationInterface {
  name = 'ActivityListIndexes1796581439567';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX activities_status_start_date_idx ON activities (status, start_date, id)`);
    await queryRunner.query(`CREATE INDEX activities_length_idx ON activities ((end_date - start_date))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX activities_length_idx`);
    await queryRunner.query(`DROP INDEX activities_status_start_date_idx`);
  }
}
