import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files (kept in PostgreSQL, the one place of truth, so API replicas stay stateless),
 * activity sheets in en/fr/es, and their materials. The sheet's publication time is
 * activities.sheet_published_at, which the lifecycle checks before opening a call.
 */
export class ActivitySheets1763900000004 implements MigrationInterface {
  name = 'ActivitySheets1763900000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stored_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE activity_sheets (
        activity_id uuid PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
        objectives jsonb NOT NULL DEFAULT '{}',
        target_audience jsonb NOT NULL DEFAULT '{}',
        application_requirements jsonb NOT NULL DEFAULT '{}',
        programme jsonb NOT NULL DEFAULT '{}',
        required_documents text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        search_vector tsvector GENERATED ALWAYS AS (
          to_tsvector('simple',
            coalesce(objectives->>'en', '') || ' ' || coalesce(objectives->>'fr', '') || ' ' || coalesce(objectives->>'es', '') || ' ' ||
            coalesce(target_audience->>'en', '') || ' ' || coalesce(target_audience->>'fr', '') || ' ' || coalesce(target_audience->>'es', '') || ' ' ||
            coalesce(programme->>'en', '') || ' ' || coalesce(programme->>'fr', '') || ' ' || coalesce(programme->>'es', ''))
        ) STORED,
        CONSTRAINT activity_sheets_documents_check CHECK (required_documents <@ ARRAY['cv', 'passport', 'nomination_letter', 'motivation_letter', 'other']::text[])
      );
      CREATE INDEX activity_sheets_search_idx ON activity_sheets USING gin (search_vector);

      CREATE TABLE sheet_materials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES activity_sheets(activity_id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        kind text NOT NULL CHECK (kind IN ('reading', 'training')),
        language text CHECK (language IN ('en', 'fr', 'es')),
        url text CHECK (url ~ '^https?://'),
        file_id uuid REFERENCES stored_files(id) ON DELETE RESTRICT,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sheet_materials_link_or_file CHECK ((url IS NULL) <> (file_id IS NULL))
      );
      CREATE INDEX sheet_materials_activity_idx ON sheet_materials (activity_id, position);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sheet_materials, activity_sheets, stored_files');
  }
}
