import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's notifications in the app (issue 15, item 3): the outbox row a person receives is
 * also their in-app message; `read_at` says when they read it there (null: unread), `params` what
 * the message was written from, so the app shows it in the interface language (null for rows
 * written before, and once the person is erased). The partial index answers the bell's count.
 */
export class NotificationsRead1796579619925 implements MigrationInterface {
  name = 'NotificationsRead1796579619925';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications ADD COLUMN read_at timestamptz, ADD COLUMN params jsonb;
      CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX notifications_unread_idx;
      ALTER TABLE notifications DROP COLUMN read_at, DROP COLUMN params;
    `);
  }
}
