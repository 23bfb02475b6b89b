// The benchmark's synthetic data set (issue 5 item 8), generated inside PostgreSQL with
// generate_series: nothing is sent row by row from Node. Ids are derived from row numbers
// (md5 → uuid), so the statements can refer to each other's rows without joins.

const YEARS = [2016, 2025];
const ACTIVITIES = 50000;
const APPLICANTS = 100000;
const APPLICATIONS_PER_ACTIVITY = 20; // 1,000,000 applications
const PRODUCTS_PER_PLAN = 8;

/** A number in [0, 1) from a row's key, so every statement agrees on a row's draws. */
const draw = (key) => `(('x' || substr(md5(${key}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

const STEPS = [
  [
    'reference lists',
    `CREATE TEMP TABLE bench_countries AS
       SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, region FROM countries WHERE region IN (SELECT code FROM regions WHERE beneficiary);
     CREATE TEMP TABLE bench_lists AS SELECT
       (SELECT count(*) FROM bench_countries)::int AS countries,
       (SELECT array_agg(code ORDER BY code) FROM topics) AS topics,
       (SELECT array_agg(code ORDER BY code) FROM divisions) AS divisions,
       (SELECT array_agg(code ORDER BY code) FROM product_categories) AS categories`,
  ],
  [
    'plans, products, results framework',
    `INSERT INTO ta_plans (id, code, title, period_start, period_end, status)
     SELECT md5('plan' || y)::uuid, y || '-' || (y + 1), 'TA Plan ' || y || '-' || (y + 1), make_date(y, 1, 1), make_date(y + 1, 12, 31),
            CASE WHEN y >= 2024 THEN 'adopted' ELSE 'closed' END
     FROM generate_series(${YEARS[0]}, ${YEARS[1]}, 2) AS y;
     INSERT INTO products (id, plan_id, code, name, category, planned_budget, funding_source)
     SELECT md5('product' || y || '-' || p)::uuid, md5('plan' || y)::uuid, 'P' || p, 'Product ' || p,
            l.categories[1 + (p % cardinality(l.categories))], 2000000,
            (ARRAY['regular_budget', 'global_trust_fund', 'other_trust_fund', 'partner'])[1 + p % 4]
     FROM generate_series(${YEARS[0]}, ${YEARS[1]}, 2) AS y, generate_series(1, ${PRODUCTS_PER_PLAN}) AS p, bench_lists l;
     INSERT INTO key_results (id, plan_id, code, title, position)
     SELECT md5('kr' || y || '-' || k)::uuid, md5('plan' || y)::uuid, 'KR' || k, 'Key result ' || k, k
     FROM generate_series(${YEARS[0]}, ${YEARS[1]}, 2) AS y, generate_series(1, 3) AS k;
     INSERT INTO indicators (id, key_result_id, description, unit, baseline, target, position)
     SELECT md5('ind' || y || '-' || k || '-' || i)::uuid, md5('kr' || y || '-' || k)::uuid, 'Indicator ' || i, 'people', 100 * i, 1000 * i, i
     FROM generate_series(${YEARS[0]}, ${YEARS[1]}, 2) AS y, generate_series(1, 3) AS k, generate_series(1, 2) AS i;
     INSERT INTO indicator_actuals (indicator_id, year, value)
     SELECT md5('ind' || y || '-' || k || '-' || i)::uuid, y + d, 400 * i + 50 * d
     FROM generate_series(${YEARS[0]}, ${YEARS[1]}, 2) AS y, generate_series(1, 3) AS k, generate_series(1, 2) AS i, generate_series(0, 1) AS d`,
  ],
  [
    `${ACTIVITIES.toLocaleString('en')} activities`,
    `INSERT INTO activities (id, code, plan_id, product_id, title, type, delivery_mode, pls_level, languages, topics, lead_division,
       beneficiary_countries, region, planned_quarter, start_date, end_date, capacity, budget_planned, budget_actual, funding_source, status)
     SELECT md5('activity' || a.n)::uuid, 'TA-' || a.year || '-' || lpad(a.seq::text, 5, '0'),
            md5('plan' || a.plan_year)::uuid, md5('product' || a.plan_year || '-' || a.product)::uuid,
            'Activity ' || a.n, a.type,
            CASE WHEN a.r2 < 0.35 THEN 'e_learning' WHEN a.r2 < 0.65 THEN 'face_to_face' WHEN a.r2 < 0.85 THEN 'online' ELSE 'hybrid' END,
            CASE WHEN a.r3 < 0.15 THEN NULL ELSE 1 + floor(a.r3 * 3)::int % 3 END, '{en}',
            CASE WHEN a.r4 < 0.5 THEN ARRAY[l.topics[1 + a.n % cardinality(l.topics)]]
                 ELSE ARRAY[l.topics[1 + a.n % cardinality(l.topics)], l.topics[1 + (a.n + 3) % cardinality(l.topics)]] END,
            l.divisions[1 + a.n % cardinality(l.divisions)],
            CASE a.type WHEN 'global' THEN '{}'::char(3)[] ELSE ARRAY[c.code]::char(3)[] END,
            CASE a.type WHEN 'global' THEN NULL ELSE c.region END,
            a.year || '-Q' || (1 + (a.day / 92)),
            make_date(a.year, 1, 1) + a.day, make_date(a.year, 1, 1) + a.day + (a.n % 10),
            100, a.planned,
            CASE WHEN a.status = 'delivered' THEN round(a.planned * (0.6 + 0.5 * a.r5), 2) END,
            (ARRAY['regular_budget', 'global_trust_fund', 'other_trust_fund', 'partner'])[1 + a.product % 4],
            a.status
     FROM (
       SELECT n, ${YEARS[0]} + (n - 1) % 10 AS year, (n - 1) / 10 + 1 AS seq,
              ${YEARS[0]} + ((n - 1) % 10) / 2 * 2 AS plan_year, 1 + n % ${PRODUCTS_PER_PLAN} AS product,
              CASE WHEN ${draw("'t' || n")} < 0.5 THEN 'national' WHEN ${draw("'t' || n")} < 0.75 THEN 'regional' ELSE 'global' END AS type,
              ${draw("'m' || n")} AS r2, ${draw("'l' || n")} AS r3, ${draw("'o' || n")} AS r4, ${draw("'b' || n")} AS r5,
              floor(${draw("'d' || n")} * 355)::int AS day,
              round((5000 + 95000 * ${draw("'p' || n")})::numeric, 2) AS planned,
              CASE WHEN ${draw("'s' || n")} < 0.84 THEN 'delivered' WHEN ${draw("'s' || n")} < 0.91 THEN 'cancelled'
                   WHEN ${draw("'s' || n")} < 0.95 THEN 'postponed' WHEN ${draw("'s' || n")} < 0.98 THEN 'planned' ELSE 'confirmed' END AS status
       FROM generate_series(1, ${ACTIVITIES}) AS g(n)
     ) a
     CROSS JOIN bench_lists l
     JOIN bench_countries c ON c.n = a.n % l.countries`,
  ],
  [
    `${APPLICANTS.toLocaleString('en')} applicants with profiles`,
    `INSERT INTO users (id, email, role, country)
     SELECT md5('user' || g.i)::uuid, 'applicant-' || g.i || '@bench.example', 'applicant', c.code
     FROM generate_series(1, ${APPLICANTS}) AS g(i) CROSS JOIN bench_lists l JOIN bench_countries c ON c.n = (g.i * 31) % l.countries;
     INSERT INTO applicant_profiles (user_id, full_name, gender, nationality, country, institution_type, institution, position, languages)
     SELECT md5('user' || g.i)::uuid, 'Applicant ' || g.i,
            CASE WHEN ${draw("'g' || g.i")} < 0.46 THEN 'female' WHEN ${draw("'g' || g.i")} < 0.91 THEN 'male'
                 WHEN ${draw("'g' || g.i")} < 0.94 THEN 'other' ELSE 'undisclosed' END,
            c.code, c.code, 'government', 'Ministry of Trade', 'Officer', '{en}'
     FROM generate_series(1, ${APPLICANTS}) AS g(i) CROSS JOIN bench_lists l JOIN bench_countries c ON c.n = (g.i * 31) % l.countries`,
  ],
  [
    `${(ACTIVITIES * APPLICATIONS_PER_ACTIVITY).toLocaleString('en')} applications`,
    // 4729 is prime to 100,000: the 20 applicants of an activity are always distinct.
    `INSERT INTO applications (id, activity_id, applicant_id, country, status, submitted_at, completed_at, certificate_code)
     SELECT md5('application' || x.a || '-' || x.j)::uuid, md5('activity' || x.a)::uuid, md5('user' || x.u)::uuid, c.code, x.status,
            timestamptz '2016-01-01' + (x.a % 3650) * interval '1 day',
            CASE WHEN x.status = 'completed' THEN timestamptz '2016-01-01' + (x.a % 3650) * interval '1 day' END,
            CASE WHEN x.status = 'completed' THEN 'B-' || x.a || '-' || x.j END
     FROM (
       SELECT a, j, 1 + ((a * 7919 + j * 4729) % ${APPLICANTS}) AS u,
              CASE WHEN r < 0.52 THEN 'completed' WHEN r < 0.78 THEN 'attended' WHEN r < 0.85 THEN 'withdrawn'
                   WHEN r < 0.91 THEN 'no_show' WHEN r < 0.97 THEN 'rejected' ELSE 'selected' END AS status
       FROM (SELECT a, j, ${draw("'ap' || a || '-' || j")} AS r
             FROM generate_series(1, ${ACTIVITIES}) AS a, generate_series(0, ${APPLICATIONS_PER_ACTIVITY - 1}) AS j) raw
     ) x
     CROSS JOIN bench_lists l JOIN bench_countries c ON c.n = (x.u * 31) % l.countries`,
  ],
  [
    'evaluations for ~60% of participations',
    `INSERT INTO evaluations (application_id, satisfaction, relevance, pre_test_score, post_test_score, applied_in_work)
     SELECT ap.id,
            CASE WHEN e.r1 < 0.05 THEN 1 WHEN e.r1 < 0.1 THEN 2 WHEN e.r1 < 0.3 THEN 3 WHEN e.r1 < 0.65 THEN 4 ELSE 5 END,
            CASE WHEN e.r2 < 0.05 THEN 1 WHEN e.r2 < 0.15 THEN 2 WHEN e.r2 < 0.35 THEN 3 WHEN e.r2 < 0.7 THEN 4 ELSE 5 END,
            CASE WHEN e.r3 < 0.75 THEN floor(20 + e.r4 * 50)::int END,
            CASE WHEN e.r3 < 0.75 THEN floor(50 + e.r5 * 50)::int END,
            CASE WHEN e.r6 < 0.6 THEN true WHEN e.r6 < 0.8 THEN false END
     FROM applications ap
     CROSS JOIN LATERAL (SELECT ${draw("'e1' || ap.id")} AS r1, ${draw("'e2' || ap.id")} AS r2, ${draw("'e3' || ap.id")} AS r3,
                                ${draw("'e4' || ap.id")} AS r4, ${draw("'e5' || ap.id")} AS r5, ${draw("'e6' || ap.id")} AS r6,
                                ${draw("'e0' || ap.id")} AS r0) e
     WHERE ap.status IN ('attended', 'completed') AND e.r0 < 0.6`,
  ],
  [
    'back-to-office reports for ~70% of delivered activities',
    `INSERT INTO back_to_office_reports (activity_id, sessions_held, participants_female, participants_male, participants_other, objectives_met)
     SELECT a.id, 1 + (a.seats % 10), 8, 8, 1,
            CASE WHEN r.v < 0.5 THEN 'fully' WHEN r.v < 0.8 THEN 'partly' ELSE 'not' END
     FROM (SELECT id, length(code) AS seats FROM activities WHERE status = 'delivered') a
     CROSS JOIN LATERAL (SELECT ${draw("'bto' || a.id")} AS v, ${draw("'btk' || a.id")} AS keep) r
     WHERE r.keep < 0.7`,
  ],
];

/**
 * Fills a freshly migrated database. Triggers and foreign-key checks are off for the load when
 * the role may do so (session_replication_role), else only the applications' counter trigger.
 */
async function generateDataSet(client, log) {
  let replica = false;
  try {
    await client.query("SET session_replication_role = 'replica'");
    replica = true;
  } catch {
    await client.query('ALTER TABLE applications DISABLE TRIGGER applications_keep_counters');
  }
  for (const [label, sql] of STEPS) {
    const started = process.hrtime.bigint();
    await client.query(sql);
    log(`  ${label}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  }
  if (replica) await client.query("SET session_replication_role = 'origin'");
  else await client.query('ALTER TABLE applications ENABLE TRIGGER applications_keep_counters');
  // seats_taken as the trigger would have kept it (every activity's capacity is 100 > 20 applications).
  const started = process.hrtime.bigint();
  await client.query(`UPDATE activities a SET seats_taken = s.taken FROM (
      SELECT activity_id, count(*)::int AS taken FROM applications WHERE status IN ('selected', 'attended', 'completed') GROUP BY activity_id) s
    WHERE s.activity_id = a.id`);
  await client.query('VACUUM ANALYZE');
  log(`  seats, VACUUM ANALYZE: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
}

module.exports = { generateDataSet };
