import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * National TA requests from focal points (DESIGN section 3, NationalRequest), their official
 * letter and their history. A request and the activity scheduled from it point at each other,
 * each side unique, so one request can never have two activities (nor an activity two requests).
 */
export class NationalRequests1763900000013 implements MigrationInterface {
  name = 'NationalRequests1763900000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE national_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country char(3) NOT NULL REFERENCES countries(code),
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        topics text[] NOT NULL CHECK (cardinality(topics) >= 1),
        preferred_quarter text NOT NULL CHECK (preferred_quarter ~ '^[0-9]{4}-Q[1-4]$'),
        language text NOT NULL CHECK (language IN ('en', 'fr', 'es')),
        needs_assessment text NOT NULL,
        expected_outcomes text NOT NULL,
        target_audience text NOT NULL,
        expected_participants int NOT NULL CHECK (expected_participants > 0),
        contacts jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contacts) = 'array'),
        status text NOT NULL DEFAULT 'submitted'
          CHECK (status IN ('submitted', 'under_review', 'approved', 'rejected', 'withdrawn')),
        decision_reason text,
        ceiling_override_reason text,
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        activity_id uuid CONSTRAINT national_requests_activity_key UNIQUE REFERENCES activities(id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT national_requests_reject_reason CHECK (status <> 'rejected' OR decision_reason IS NOT NULL),
        CONSTRAINT national_requests_activity_approved CHECK (activity_id IS NULL OR status = 'approved')
      );
      CREATE INDEX national_requests_created_idx ON national_requests (created_at DESC, id DESC);
      CREATE INDEX national_requests_country_idx ON national_requests (country, created_at DESC, id DESC);
      CREATE INDEX national_requests_status_idx ON national_requests (status, created_at DESC, id DESC);

      CREATE TABLE request_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES national_requests(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('official_letter')),
        file_id uuid NOT NULL REFERENCES stored_files(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT request_documents_kind_key UNIQUE (request_id, kind)
      );

      CREATE TABLE request_history (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES national_requests(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        from_status text,
        to_status text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX request_history_request_idx ON request_history (request_id, id);

      ALTER TABLE activities
        ADD COLUMN national_request_id uuid CONSTRAINT activities_national_request_key UNIQUE
          REFERENCES national_requests(id) ON DELETE SET NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE activities DROP COLUMN national_request_id;
      DROP TABLE request_history, request_documents, national_requests;
    `);
  }
}
