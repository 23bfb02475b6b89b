import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Technical Cooperation Audit reports (DESIGN sections 3 and 4): one row per version of a year's
 * report. At most one version of a year is queued or running at a time (a partial unique index),
 * and a finalized report never changes again (a trigger refuses any update of it).
 */
export class AuditReports1763900000011 implements MigrationInterface {
  name = 'AuditReports1763900000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        version int NOT NULL CHECK (version >= 1),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        error text,
        data jsonb,
        checksum char(64),
        finalized_at timestamptz,
        finalized_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT audit_reports_year_version_key UNIQUE (year, version),
        CONSTRAINT audit_reports_completed_check CHECK ((status = 'completed') = (data IS NOT NULL AND checksum IS NOT NULL)),
        CONSTRAINT audit_reports_finalized_check CHECK (finalized_at IS NULL OR status = 'completed')
      );
      CREATE UNIQUE INDEX audit_reports_active_year_key ON audit_reports (year) WHERE status IN ('queued', 'running');
      CREATE INDEX audit_reports_requested_idx ON audit_reports (requested_at DESC, id DESC);

      CREATE FUNCTION audit_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.finalized_at IS NOT NULL THEN
          RAISE EXCEPTION 'audit report % (year %, version %) is finalized and cannot change', OLD.id, OLD.year, OLD.version
            USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_reports_finalized_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER audit_reports_frozen BEFORE UPDATE OR DELETE ON audit_reports
        FOR EACH ROW EXECUTE FUNCTION audit_reports_frozen();

      CREATE TABLE audit_report_exports (
        report_id uuid NOT NULL REFERENCES audit_reports(id) ON DELETE CASCADE,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
        checksum char(64) NOT NULL,
        file_id uuid NOT NULL REFERENCES stored_files(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, format, checksum)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE audit_report_exports;
      DROP TRIGGER audit_reports_frozen ON audit_reports;
      DROP FUNCTION audit_reports_frozen();
      DROP TABLE audit_reports;
    `);
  }
}
