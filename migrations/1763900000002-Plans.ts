import { MigrationInterface, QueryRunner } from 'typeorm';

/** TA Plans, their results framework (key results, indicators, yearly actuals) and products (DESIGN section 3). */
export class Plans1763900000002 implements MigrationInterface {
  name = 'Plans1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      CREATE TABLE ta_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT ta_plans_code_key UNIQUE CHECK (code ~ '^[0-9]{4}-[0-9]{4}$'),
        title text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted', 'closed')),
        notes text,
        ceiling_per_country int CHECK (ceiling_per_country > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ta_plans_period_check CHECK (period_end > period_start),
        -- Plans never overlap, even when two are created at the same moment.
        CONSTRAINT ta_plans_period_excl EXCLUDE USING gist (daterange(period_start, period_end, '[]') WITH &&)
      );
      CREATE INDEX ta_plans_period_start_idx ON ta_plans (period_start DESC, id DESC);

      CREATE TABLE key_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES ta_plans(id) ON DELETE CASCADE,
        code text NOT NULL,
        title text NOT NULL,
        position int NOT NULL CHECK (position >= 0),
        CONSTRAINT key_results_plan_code_key UNIQUE (plan_id, code)
      );

      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_result_id uuid NOT NULL REFERENCES key_results(id) ON DELETE CASCADE,
        description text NOT NULL,
        unit text NOT NULL,
        baseline numeric(14, 2),
        target numeric(14, 2) NOT NULL,
        position int NOT NULL CHECK (position >= 0)
      );
      CREATE INDEX indicators_key_result_idx ON indicators (key_result_id, position);

      CREATE TABLE indicator_actuals (
        indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        value numeric(14, 2) NOT NULL,
        PRIMARY KEY (indicator_id, year)
      );

      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL CONSTRAINT products_plan_fkey REFERENCES ta_plans(id),
        code text NOT NULL,
        name text NOT NULL,
        category text NOT NULL CONSTRAINT products_category_fkey REFERENCES product_categories(code),
        description text,
        planned_budget numeric(14, 2) NOT NULL CHECK (planned_budget >= 0),
        funding_source text NOT NULL
          CHECK (funding_source IN ('regular_budget', 'global_trust_fund', 'other_trust_fund', 'partner')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT products_plan_code_key UNIQUE (plan_id, code)
      );
      CREATE INDEX products_category_idx ON products (category);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // btree_gist stays: extensions are database-wide and later migrations may rely on it.
    await queryRunner.query('DROP TABLE products, indicator_actuals, indicators, key_results, ta_plans');
  }
}
