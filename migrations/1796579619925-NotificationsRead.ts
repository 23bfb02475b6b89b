import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's notifications in the app (issue 15, item 3): the outbox row a person receives is
 * also their in-app message; `read_at` says when they read it there (null: unread). The partial
 * index answers the unread count of the header's bell.
 */
export class NotificationsRead1796579619925 implements MigrationInterface {
  name = 'NotificationsRead1796579619925';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications ADD COLUMN read_at timestamptz;
      CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX notifications_unread_idx;
      ALTER TABLE notifications DROP COLUMN read_at;
    `);
  }
}
