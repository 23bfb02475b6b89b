import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fixes the counter trigger of migration 0008 for a withdrawn endorsed application: it
 * decremented nomination_counts through `INSERT ... VALUES (-1) ON CONFLICT DO UPDATE`, and
 * PostgreSQL checks the proposed row (endorsed >= 0) before it looks for the conflict, so every
 * such withdrawal failed. A decrement is now a plain UPDATE of the row the endorsement created.
 */
export class ApplicationsExtras1763900000009 implements MigrationInterface {
  name = 'ApplicationsExtras1763900000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION applications_keep_counters() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        seat_statuses constant text[] := ARRAY['selected', 'attended', 'completed'];
        old_seat int := 0; new_seat int := 0; old_nominated int := 0; new_nominated int := 0;
        quota int; endorsed_now int;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          old_seat := (OLD.status = ANY(seat_statuses))::int;
          old_nominated := (OLD.endorsed_at IS NOT NULL AND OLD.status <> 'withdrawn')::int;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          new_seat := (NEW.status = ANY(seat_statuses))::int;
          new_nominated := (NEW.endorsed_at IS NOT NULL AND NEW.status <> 'withdrawn')::int;
        END IF;
        IF new_seat <> old_seat THEN
          UPDATE activities SET seats_taken = seats_taken + (new_seat - old_seat)
          WHERE id = COALESCE(NEW.activity_id, OLD.activity_id);
        END IF;
        IF new_nominated <> old_nominated THEN
          IF new_nominated > old_nominated THEN
            INSERT INTO nomination_counts AS c (activity_id, country, endorsed)
            VALUES (NEW.activity_id, NEW.country, 1)
            ON CONFLICT (activity_id, country) DO UPDATE SET endorsed = c.endorsed + 1
            RETURNING endorsed INTO endorsed_now;
            SELECT nomination_quota INTO quota FROM activities WHERE id = NEW.activity_id;
            IF endorsed_now > quota THEN
              RAISE EXCEPTION 'nomination quota of % reached for % on this activity', quota, NEW.country
                USING ERRCODE = 'check_violation', CONSTRAINT = 'nomination_counts_quota_check';
            END IF;
          ELSE
            -- The row exists: it was counted when the application was endorsed.
            UPDATE nomination_counts SET endorsed = endorsed - 1
            WHERE activity_id = COALESCE(NEW.activity_id, OLD.activity_id) AND country = COALESCE(NEW.country, OLD.country);
          END IF;
        END IF;
        RETURN NULL;
      END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION applications_keep_counters() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        seat_statuses constant text[] := ARRAY['selected', 'attended', 'completed'];
        old_seat int := 0; new_seat int := 0; old_nominated int := 0; new_nominated int := 0;
        quota int; endorsed_now int;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          old_seat := (OLD.status = ANY(seat_statuses))::int;
          old_nominated := (OLD.endorsed_at IS NOT NULL AND OLD.status <> 'withdrawn')::int;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          new_seat := (NEW.status = ANY(seat_statuses))::int;
          new_nominated := (NEW.endorsed_at IS NOT NULL AND NEW.status <> 'withdrawn')::int;
        END IF;
        IF new_seat <> old_seat THEN
          UPDATE activities SET seats_taken = seats_taken + (new_seat - old_seat)
          WHERE id = COALESCE(NEW.activity_id, OLD.activity_id);
        END IF;
        IF new_nominated <> old_nominated THEN
          INSERT INTO nomination_counts AS c (activity_id, country, endorsed)
          VALUES (COALESCE(NEW.activity_id, OLD.activity_id), COALESCE(NEW.country, OLD.country), new_nominated - old_nominated)
          ON CONFLICT (activity_id, country) DO UPDATE SET endorsed = c.endorsed + EXCLUDED.endorsed
          RETURNING endorsed INTO endorsed_now;
          IF new_nominated > old_nominated THEN
            SELECT nomination_quota INTO quota FROM activities WHERE id = NEW.activity_id;
            IF endorsed_now > quota THEN
              RAISE EXCEPTION 'nomination quota of % reached for % on this activity', quota, NEW.country
                USING ERRCODE = 'check_violation', CONSTRAINT = 'nomination_counts_quota_check';
            END IF;
          END IF;
        END IF;
        RETURN NULL;
      END $$;
    `);
  }
}
