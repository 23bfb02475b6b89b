import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participation forms and what follows them (DESIGN section 3): applications with their
 * documents, evaluations, and the notification outbox. The invariants that must hold under
 * concurrency live here, in triggers that keep counters whose CHECK constraints cannot be
 * broken by any code path:
 *  - seats: selected + attended + completed never exceed the activity's capacity
 *    (activities.seats_taken, CHECK seats_taken <= capacity, constraint activities_seats_check);
 *  - nominations: at most nomination_quota endorsed applications per country per activity
 *    (nomination_counts, raising check_violation with constraint nomination_counts_quota_check).
 */
export class Applications1763900000008 implements MigrationInterface {
  name = 'Applications1763900000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users ADD COLUMN deleted_at timestamptz;

      ALTER TABLE activities ADD COLUMN seats_taken int NOT NULL DEFAULT 0;
      ALTER TABLE activities ADD CONSTRAINT activities_seats_check CHECK (seats_taken >= 0 AND seats_taken <= capacity);

      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES activities(id),
        applicant_id uuid NOT NULL REFERENCES users(id),
        -- The applicant's country when they applied: the focal point who may endorse it.
        country char(3) NOT NULL REFERENCES countries(code),
        motivation text NOT NULL DEFAULT '' CHECK (length(motivation) <= 5000),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'endorsed', 'declined', 'selected',
          'waitlisted', 'rejected', 'withdrawn', 'attended', 'completed', 'no_show')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        endorsed_at timestamptz,
        endorsed_by uuid REFERENCES users(id),
        nomination_reason text,
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        decision_reason text,
        waitlist_position int CHECK (waitlist_position >= 1),
        attended_days int CHECK (attended_days >= 0),
        completed_at timestamptz,
        certificate_code text,
        withdrawn_at timestamptz,
        -- Set when staff registered the participant themselves (no open call, paper forms).
        registered_by uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_activity_applicant_key UNIQUE (activity_id, applicant_id),
        CONSTRAINT applications_waitlist_check CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL)),
        CONSTRAINT applications_certificate_check CHECK ((status = 'completed') = (certificate_code IS NOT NULL))
      );
      CREATE UNIQUE INDEX applications_certificate_code_key ON applications (certificate_code);
      CREATE UNIQUE INDEX applications_waitlist_position_key ON applications (activity_id, waitlist_position);
      CREATE INDEX applications_activity_status_idx ON applications (activity_id, status);
      CREATE INDEX applications_applicant_idx ON applications (applicant_id, submitted_at);
      CREATE INDEX applications_country_idx ON applications (country, status);

      CREATE TABLE application_documents (
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('cv', 'passport', 'nomination_letter', 'motivation_letter', 'other')),
        file_id uuid NOT NULL REFERENCES stored_files(id),
        PRIMARY KEY (application_id, kind)
      );

      CREATE TABLE nomination_counts (
        activity_id uuid NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        country char(3) NOT NULL REFERENCES countries(code),
        endorsed int NOT NULL DEFAULT 0 CHECK (endorsed >= 0),
        PRIMARY KEY (activity_id, country)
      );

      CREATE FUNCTION applications_keep_counters() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE TRIGGER applications_keep_counters AFTER INSERT OR UPDATE OF status, endorsed_at OR DELETE ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_keep_counters();

      CREATE TABLE evaluations (
        application_id uuid PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        relevance smallint NOT NULL CHECK (relevance BETWEEN 1 AND 5),
        pre_test_score smallint CHECK (pre_test_score BETWEEN 0 AND 100),
        post_test_score smallint CHECK (post_test_score BETWEEN 0 AND 100),
        comments text CHECK (length(comments) <= 5000),
        applied_in_work boolean,
        follow_up_comments text CHECK (length(follow_up_comments) <= 5000),
        follow_up_at timestamptz,
        -- Staff who typed in a paper form; null when the participant submitted it.
        entered_by uuid REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        application_id uuid REFERENCES applications(id) ON DELETE SET NULL,
        kind text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('en', 'fr', 'es')),
        to_email text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        -- queued: waiting for the worker; sent: handed to SMTP; outbox: kept here (no SMTP configured); failed: gave up.
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'outbox', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        dedup_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        CONSTRAINT notifications_dedup_key UNIQUE (dedup_key)
      );
      CREATE INDEX notifications_status_idx ON notifications (status, created_at);
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE notifications, evaluations;
      DROP TRIGGER applications_keep_counters ON applications;
      DROP FUNCTION applications_keep_counters();
      DROP TABLE nomination_counts, application_documents, applications;
      ALTER TABLE activities DROP CONSTRAINT activities_seats_check, DROP COLUMN seats_taken;
      ALTER TABLE users DROP COLUMN deleted_at;
    `);
  }
}
