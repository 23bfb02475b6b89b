import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, their roles, and applicants' profiles (DESIGN section 3). */
export class Identity1763900000001 implements MigrationInterface {
  name = 'Identity1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        password_hash text,
        role text NOT NULL CHECK (role IN ('admin', 'staff', 'auditor', 'focal_point', 'applicant')),
        country char(3) REFERENCES countries(code),
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr', 'es')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_focal_point_country CHECK (role <> 'focal_point' OR country IS NOT NULL)
      );
      CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
      CREATE INDEX users_role_created_idx ON users (role, created_at, id);
      CREATE INDEX users_created_idx ON users (created_at, id);

      CREATE TABLE applicant_profiles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        full_name text NOT NULL,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'other', 'undisclosed')),
        nationality char(3) NOT NULL REFERENCES countries(code),
        country char(3) NOT NULL REFERENCES countries(code),
        institution_type text NOT NULL CHECK (institution_type IN ('government', 'permanent_mission', 'parliament',
          'academia', 'private_sector', 'civil_society', 'media', 'international_org', 'other')),
        institution text NOT NULL,
        position text NOT NULL,
        languages text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX applicant_profiles_country_idx ON applicant_profiles (country);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applicant_profiles, users');
  }
}
