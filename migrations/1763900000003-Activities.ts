import { MigrationInterface, QueryRunner } from 'typeorm';

/** Activities of the products matrix, their per-year code counters and their change history (DESIGN section 3). */
export class Activities1763900000003 implements MigrationInterface {
  name = 'Activities1763900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- One row per year: the last activity number handed out, bumped by an upsert so concurrent creates never collide.
      CREATE TABLE activity_code_counters (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        last int NOT NULL CHECK (last >= 1)
      );

      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^TA-[0-9]{4}-[0-9]{4,}$'),
        plan_id uuid NOT NULL CONSTRAINT activities_plan_fkey REFERENCES ta_plans(id),
        product_id uuid NOT NULL CONSTRAINT activities_product_fkey REFERENCES products(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        type text NOT NULL CHECK (type IN ('national', 'regional', 'global')),
        delivery_mode text NOT NULL CHECK (delivery_mode IN ('face_to_face', 'online', 'hybrid', 'e_learning')),
        pls_level smallint CHECK (pls_level BETWEEN 1 AND 3),
        languages text[] NOT NULL CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY['en', 'fr', 'es']),
        topics text[] NOT NULL DEFAULT '{}',
        lead_division text NOT NULL CONSTRAINT activities_lead_division_fkey REFERENCES divisions(code),
        beneficiary_countries char(3)[] NOT NULL DEFAULT '{}',
        region text CONSTRAINT activities_region_fkey REFERENCES regions(code),
        planned_quarter text CHECK (planned_quarter ~ '^[0-9]{4}-Q[1-4]$'),
        start_date date,
        end_date date,
        venue_city text,
        venue_country char(3) CONSTRAINT activities_venue_country_fkey REFERENCES countries(code),
        capacity int NOT NULL CHECK (capacity >= 1),
        application_deadline date,
        requires_nomination boolean NOT NULL DEFAULT false,
        nomination_quota int NOT NULL DEFAULT 2 CHECK (nomination_quota >= 1),
        prerequisite_level smallint CHECK (prerequisite_level BETWEEN 1 AND 3),
        key_results uuid[] NOT NULL DEFAULT '{}',
        budget_planned numeric(14, 2) NOT NULL CHECK (budget_planned >= 0),
        budget_actual numeric(14, 2) CHECK (budget_actual >= 0),
        funding_source text NOT NULL
          CHECK (funding_source IN ('regular_budget', 'global_trust_fund', 'other_trust_fund', 'partner')),
        partners text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'confirmed', 'open', 'closed', 'delivered', 'cancelled', 'postponed')),
        status_reason text,
        -- Set by the activity sheet's publication (a later issue); opening requires it.
        sheet_published_at timestamptz,
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid CONSTRAINT activities_created_by_fkey REFERENCES users(id),
        CONSTRAINT activities_dates_check CHECK (end_date >= start_date),
        CONSTRAINT activities_deadline_check CHECK (application_deadline < start_date),
        CONSTRAINT activities_beneficiaries_check CHECK (
          (type = 'national' AND cardinality(beneficiary_countries) = 1)
          OR (type = 'regional' AND cardinality(beneficiary_countries) >= 1 AND region IS NOT NULL)
          OR (type = 'global' AND cardinality(beneficiary_countries) = 0)
        )
      );
      CREATE UNIQUE INDEX activities_code_key ON activities (code);
      CREATE INDEX activities_plan_idx ON activities (plan_id, product_id);
      CREATE INDEX activities_product_idx ON activities (product_id);
      CREATE INDEX activities_status_idx ON activities (status);
      CREATE INDEX activities_start_date_idx ON activities (start_date, id);
      CREATE INDEX activities_beneficiary_countries_idx ON activities USING gin (beneficiary_countries);
      CREATE INDEX activities_topics_idx ON activities USING gin (topics);
      -- The auto-close job looks for open activities whose deadline passed.
      CREATE INDEX activities_open_deadline_idx ON activities (application_deadline) WHERE status = 'open';

      CREATE TABLE activity_history (
        id bigserial PRIMARY KEY,
        activity_id uuid NOT NULL CONSTRAINT activity_history_activity_fkey REFERENCES activities(id) ON DELETE CASCADE,
        user_id uuid CONSTRAINT activity_history_user_fkey REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX activity_history_activity_idx ON activity_history (activity_id, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE activity_history, activities, activity_code_counters');
  }
}
