import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What applicants and focal points need to finish their journeys (issue 15):
 *  - application_drafts: a participation form kept on the server while it is being written, so
 *    the applicant finishes it later, on another device; deleted when the form is submitted;
 *  - application_status_history: every status an application took and when, with the reason
 *    given, written by a trigger so that no code path can forget it (the applicant's timeline);
 *    existing applications get their submission and their current status;
 *  - applications.nomination_rank: the focal point's order of preference among their country's
 *    candidates to an activity (1 first), which staff see when they select.
 */
export class ApplicantJourneys1796581032690 implements MigrationInterface {
  name = 'ApplicantJourneys1796581032690';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application_drafts (
        activity_id uuid NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        applicant_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        motivation text NOT NULL DEFAULT '' CHECK (length(motivation) <= 5000),
        -- [{ "kind": "cv", "fileId": "..." }], files the applicant uploaded (checked when saved)
        documents jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(documents) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (applicant_id, activity_id)
      );

      CREATE TABLE application_status_history (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        status text NOT NULL,
        reason text,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX application_status_history_application_idx ON application_status_history (application_id, changed_at, id);

      CREATE FUNCTION applications_record_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status THEN
          INSERT INTO application_status_history (application_id, status, reason)
          VALUES (NEW.id, NEW.status, CASE
            WHEN NEW.status IN ('endorsed', 'declined') THEN NEW.nomination_reason
            WHEN NEW.status IN ('selected', 'waitlisted', 'rejected') THEN NEW.decision_reason
          END);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER applications_record_status AFTER INSERT OR UPDATE OF status ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_record_status();

      INSERT INTO application_status_history (application_id, status, changed_at)
      SELECT id, 'submitted', submitted_at FROM applications;
      INSERT INTO application_status_history (application_id, status, reason, changed_at)
      SELECT id, status,
        CASE WHEN status IN ('endorsed', 'declined') THEN nomination_reason WHEN status IN ('selected', 'waitlisted', 'rejected') THEN decision_reason END,
        coalesce(completed_at, withdrawn_at, decided_at, endorsed_at, updated_at)
      FROM applications WHERE status <> 'submitted';

      ALTER TABLE applications ADD COLUMN nomination_rank int CHECK (nomination_rank >= 1);
      CREATE UNIQUE INDEX applications_nomination_rank_key ON applications (activity_id, country, nomination_rank);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX applications_nomination_rank_key;
      ALTER TABLE applications DROP COLUMN nomination_rank;
      DROP TRIGGER applications_record_status ON applications;
      DROP FUNCTION applications_record_status();
      DROP TABLE application_status_history, application_drafts;
    `);
  }
}
