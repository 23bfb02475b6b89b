import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The back-to-office report's note on participants (issue 12): why the participants observed in
 * the room differ from those recorded as attending. Required by the service when they differ.
 */
export class BackToOfficeParticipantsNote1796580248246 implements MigrationInterface {
  name = 'BackToOfficeParticipantsNote1796580248246';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE back_to_office_reports ADD COLUMN participants_note text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE back_to_office_reports DROP COLUMN participants_note`);
  }
}
