import type { ScoreDistributionView, ScoreResults } from './evaluations.dto';

/**
 * The one way a score (1 to 5) of the evaluations is summed up, for every report that shows one
 * (an activity's results; the audit report takes the same fragment and View): the mean rounded by
 * PostgreSQL to SCORE_MEAN_DECIMALS, and the count of answers per score.
 */
export const SCORES = [1, 2, 3, 4, 5] as const;

/** Decimals of a score's mean, everywhere one is shown: the audit report's, whose figures all keep 4. */
export const SCORE_MEAN_DECIMALS = 4;

/** `round(avg(column), SCORE_MEAN_DECIMALS)` as text (numeric's exact digits; scoreResults makes it a number). */
export const scoreMeanSql = (column: string): string => `round(avg(${column}), ${SCORE_MEAN_DECIMALS})::text`;

/** The answers per score 1..5 of a column, as one int[] in score order. */
export const scoreCountsSql = (column: string): string =>
  `ARRAY[${SCORES.map((score) => `count(*) FILTER (WHERE ${column} = ${score})::int`).join(', ')}]`;

/** The View of a mean and counts read with scoreMeanSql and scoreCountsSql. */
export function scoreResults(mean: string | number | null, counts: readonly number[]): ScoreResults {
  const distribution = Object.fromEntries(SCORES.map((score, index) => [String(score), counts[index] ?? 0])) as unknown as ScoreDistributionView;
  return { mean: mean === null ? null : Number(mean), distribution };
}
