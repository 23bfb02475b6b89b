import { scoreCountsSql, scoreMeanSql } from '@trta/participation';

/**
 * The SQL of the audit report, one statement per section, each run inside the generator's
 * REPEATABLE READ snapshot with the year as $1. The definitions are DESIGN section 4's:
 *  - counted activity: status `delivered` and end_date in the year;
 *  - participation: an application to a counted activity in `attended` or `completed`;
 *    participant: a distinct applicant among them; region and LDC flag from the applicant's country.
 * Score means and counts come from the fragments every evaluation summary uses.
 */

const COUNTED = `counted AS (
  SELECT a.id, a.product_id, a.type, a.delivery_mode, a.pls_level, a.topics, a.lead_division, a.region,
         a.budget_planned, a.budget_actual, a.funding_source, pr.category
  FROM activities a JOIN products pr ON pr.id = a.product_id
  WHERE a.status = 'delivered' AND a.end_date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31))`;

const PARTICIPATIONS = `parts AS (
  SELECT ap.id, ap.applicant_id, ap.status, ap.activity_id, pf.gender, pf.country,
         co.region AS applicant_region, coalesce(co.ldc, false) AS ldc
  FROM applications ap
  JOIN counted ca ON ca.id = ap.activity_id
  LEFT JOIN applicant_profiles pf ON pf.user_id = ap.applicant_id
  LEFT JOIN countries co ON co.code = pf.country
  WHERE ap.status IN ('attended', 'completed'))`;

/** Participation metrics over rows `x` of `parts`. */
const METRICS = `count(*)::int AS participations,
  count(DISTINCT x.applicant_id)::int AS participants,
  count(*) FILTER (WHERE x.status = 'completed')::int AS completed,
  count(*) FILTER (WHERE x.gender = 'female')::int AS women,
  count(*) FILTER (WHERE x.ldc)::int AS "ldcParticipations"`;

export const TOTALS_SQL = `
WITH ${COUNTED}, ${PARTICIPATIONS}
SELECT
  (SELECT count(*) FROM counted)::int AS "activitiesCounted",
  (SELECT coalesce(sum(budget_planned), 0)::numeric(16, 2)::text FROM counted) AS "budgetPlanned",
  (SELECT coalesce(sum(budget_actual), 0)::numeric(16, 2)::text FROM counted) AS "budgetActual",
  (SELECT count(*) FROM counted c JOIN back_to_office_reports b ON b.activity_id = c.id)::int AS "reportsReceived",
  (SELECT count(*) FROM counted c JOIN back_to_office_reports b ON b.activity_id = c.id
    WHERE b.objectives_met IN ('fully', 'partly'))::int AS "resultsMet",
  m.*, e.*, p.*
FROM (
  SELECT ${METRICS}, count(*) FILTER (WHERE ca.delivery_mode = 'e_learning')::int AS "eLearningParticipations"
  FROM parts x JOIN counted ca ON ca.id = x.activity_id
) m, (
  SELECT count(*)::int AS evaluations,
         avg(ev.post_test_score - ev.pre_test_score)
           FILTER (WHERE ev.pre_test_score IS NOT NULL AND ev.post_test_score IS NOT NULL)::float8 AS "learningGain"
  FROM evaluations ev JOIN parts x ON x.id = ev.application_id
) e, (
  SELECT count(*)::int AS "activitiesPlanned",
         count(*) FILTER (WHERE a.status = 'cancelled')::int AS "activitiesCancelled",
         count(*) FILTER (WHERE a.status = 'postponed')::int AS "activitiesPostponed"
  FROM activities a JOIN ta_plans t ON t.id = a.plan_id
  WHERE t.period_start <= make_date($1, 12, 31) AND t.period_end >= make_date($1, 1, 1)
    AND (a.planned_quarter LIKE $1::text || '-Q%' OR extract(year FROM a.start_date) = $1)
) p`;

export const KEY_RESULTS_SQL = `
SELECT t.code AS plan, kr.code AS "keyResult", kr.title AS "keyResultTitle", i.description, i.unit,
       i.baseline::text AS baseline, i.target::text AS target, ia.value::text AS actual
FROM ta_plans t
JOIN key_results kr ON kr.plan_id = t.id
JOIN indicators i ON i.key_result_id = kr.id
LEFT JOIN indicator_actuals ia ON ia.indicator_id = i.id AND ia.year = $1
WHERE t.period_start <= make_date($1, 12, 31) AND t.period_end >= make_date($1, 1, 1)
ORDER BY t.period_start, kr.position, kr.code, i.position`;

/** The dimensions of a counted activity, and of a participation (the applicant's region). */
const DIMENSION_SET = `GROUPING SETS ((ca.category), (ca.type), (ca.delivery_mode), (ca.pls_level), (ca.lead_division), (region_key))`;
const DIMENSION_COLUMNS = `
  CASE WHEN GROUPING(ca.category) = 0 THEN 'byProductCategory'
       WHEN GROUPING(ca.type) = 0 THEN 'byType'
       WHEN GROUPING(ca.delivery_mode) = 0 THEN 'byDeliveryMode'
       WHEN GROUPING(ca.pls_level) = 0 THEN 'byPlsLevel'
       WHEN GROUPING(ca.lead_division) = 0 THEN 'byLeadDivision'
       ELSE 'byRegion' END AS section,
  CASE WHEN GROUPING(ca.category) = 0 THEN ca.category
       WHEN GROUPING(ca.type) = 0 THEN ca.type
       WHEN GROUPING(ca.delivery_mode) = 0 THEN ca.delivery_mode
       WHEN GROUPING(ca.pls_level) = 0 THEN coalesce(ca.pls_level::text, 'none')
       WHEN GROUPING(ca.lead_division) = 0 THEN ca.lead_division
       ELSE region_key END AS key`;

/** Participation metrics by dimension; byRegion groups participations by the applicant's region. */
export const DIMENSION_PARTICIPATIONS_SQL = `
WITH ${COUNTED}, ${PARTICIPATIONS}
SELECT ${DIMENSION_COLUMNS}, ${METRICS}
FROM parts x JOIN counted ca ON ca.id = x.activity_id
CROSS JOIN LATERAL (SELECT coalesce(x.applicant_region, 'unknown') AS region_key) r
GROUP BY ${DIMENSION_SET}`;

/** Activities and budgets by dimension; byRegion groups activities by their own region (global ones as 'global'). */
export const DIMENSION_ACTIVITIES_SQL = `
WITH ${COUNTED}
SELECT ${DIMENSION_COLUMNS}, count(*)::int AS activities,
       coalesce(sum(ca.budget_planned), 0)::numeric(16, 2)::text AS "budgetPlanned",
       coalesce(sum(ca.budget_actual), 0)::numeric(16, 2)::text AS "budgetActual"
FROM counted ca
CROSS JOIN LATERAL (SELECT coalesce(ca.region, 'global') AS region_key) r
GROUP BY ${DIMENSION_SET}`;

/** An activity counts under each of its topics. */
export const TOPIC_PARTICIPATIONS_SQL = `
WITH ${COUNTED}, ${PARTICIPATIONS}
SELECT 'byTopic' AS section, t.topic AS key, ${METRICS}
FROM parts x JOIN counted ca ON ca.id = x.activity_id
CROSS JOIN LATERAL unnest(ca.topics) AS t(topic)
GROUP BY t.topic`;

export const TOPIC_ACTIVITIES_SQL = `
WITH ${COUNTED}
SELECT 'byTopic' AS section, t.topic AS key, count(*)::int AS activities,
       coalesce(sum(ca.budget_planned), 0)::numeric(16, 2)::text AS "budgetPlanned",
       coalesce(sum(ca.budget_actual), 0)::numeric(16, 2)::text AS "budgetActual"
FROM counted ca CROSS JOIN LATERAL unnest(ca.topics) AS t(topic)
GROUP BY t.topic`;

export const TOP_COUNTRIES_SQL = `
WITH ${COUNTED}, ${PARTICIPATIONS}
SELECT x.country AS key, co.name, co.region, co.ldc, ${METRICS}
FROM parts x JOIN countries co ON co.code = x.country
GROUP BY x.country, co.name, co.region, co.ldc
ORDER BY count(*) DESC, x.country
LIMIT 10`;

export const EVALUATION_SQL = `
WITH ${COUNTED}, ${PARTICIPATIONS}
SELECT count(*)::int AS responses,
       ${scoreMeanSql('ev.satisfaction')} AS "satisfactionMean",
       ${scoreMeanSql('ev.relevance')} AS "relevanceMean",
       ${scoreCountsSql('ev.satisfaction')} AS satisfaction,
       ${scoreCountsSql('ev.relevance')} AS relevance,
       count(*) FILTER (WHERE ev.pre_test_score IS NOT NULL AND ev.post_test_score IS NOT NULL)::int AS "withTestScores",
       avg(ev.post_test_score - ev.pre_test_score)
         FILTER (WHERE ev.pre_test_score IS NOT NULL AND ev.post_test_score IS NOT NULL)::float8 AS "learningGain",
       count(*) FILTER (WHERE ev.applied_in_work)::int AS yes,
       count(*) FILTER (WHERE NOT ev.applied_in_work)::int AS no,
       count(*) FILTER (WHERE ev.applied_in_work IS NULL)::int AS unanswered
FROM evaluations ev JOIN parts x ON x.id = ev.application_id`;

export const BUDGET_BY_FUNDING_SOURCE_SQL = `
WITH ${COUNTED}
SELECT ca.funding_source AS key, count(*)::int AS activities,
       coalesce(sum(ca.budget_planned), 0)::numeric(16, 2)::text AS "budgetPlanned",
       coalesce(sum(ca.budget_actual), 0)::numeric(16, 2)::text AS "budgetActual"
FROM counted ca GROUP BY ca.funding_source ORDER BY ca.funding_source`;

export const BUDGET_BY_PRODUCT_SQL = `
WITH ${COUNTED}
SELECT pr.code AS key, pr.name, pr.category, count(*)::int AS activities,
       coalesce(sum(ca.budget_planned), 0)::numeric(16, 2)::text AS "budgetPlanned",
       coalesce(sum(ca.budget_actual), 0)::numeric(16, 2)::text AS "budgetActual"
FROM counted ca JOIN products pr ON pr.id = ca.product_id
GROUP BY pr.id, pr.code, pr.name, pr.category ORDER BY pr.code, pr.id`;

/** Every query above, by name: the benchmark times them bare, without the report around them. */
export const AUDIT_QUERIES = {
  totals: TOTALS_SQL,
  previousTotals: TOTALS_SQL,
  keyResults: KEY_RESULTS_SQL,
  dimensionParticipations: DIMENSION_PARTICIPATIONS_SQL,
  dimensionActivities: DIMENSION_ACTIVITIES_SQL,
  topicParticipations: TOPIC_PARTICIPATIONS_SQL,
  topicActivities: TOPIC_ACTIVITIES_SQL,
  topCountries: TOP_COUNTRIES_SQL,
  evaluation: EVALUATION_SQL,
  budgetByFundingSource: BUDGET_BY_FUNDING_SOURCE_SQL,
  budgetByProduct: BUDGET_BY_PRODUCT_SQL,
} as const;
