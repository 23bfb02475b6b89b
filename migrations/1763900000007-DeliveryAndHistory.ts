import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of TA plans (the plan, its products and results framework) and the back-to-office
 * report staff write once an activity is delivered (DESIGN sections 3 and 4).
 */
export class DeliveryAndHistory1763900000007 implements MigrationInterface {
  name = 'DeliveryAndHistory1763900000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- product_id and key_result_id carry no foreign key: a history row outlives the row it describes.
      CREATE TABLE plan_history (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL CONSTRAINT plan_history_plan_fkey REFERENCES ta_plans(id) ON DELETE CASCADE,
        product_id uuid,
        key_result_id uuid,
        user_id uuid CONSTRAINT plan_history_user_fkey REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX plan_history_plan_idx ON plan_history (plan_id, id);

      CREATE TABLE back_to_office_reports (
        activity_id uuid PRIMARY KEY CONSTRAINT back_to_office_reports_activity_fkey REFERENCES activities(id) ON DELETE CASCADE,
        sessions_held int NOT NULL CHECK (sessions_held >= 0),
        participants_female int NOT NULL CHECK (participants_female >= 0),
        participants_male int NOT NULL CHECK (participants_male >= 0),
        participants_other int NOT NULL CHECK (participants_other >= 0),
        objectives_met text NOT NULL CHECK (objectives_met IN ('fully', 'partly', 'not')),
        evidence text,
        conclusion text,
        lessons text,
        author_id uuid CONSTRAINT back_to_office_reports_author_fkey REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1 CHECK (version >= 1)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE back_to_office_reports, plan_history');
  }
}
