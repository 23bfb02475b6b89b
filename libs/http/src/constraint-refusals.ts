import { pgError } from '@trta/database';
import { declareRefusals, type Refusal } from './refusal';
import { DomainException, type RefusalParams } from './domain.exception';

/** Refusals for a constraint of the schema that a client's input broke (codes named after what clashed). */
export const ConstraintRefusals = declareRefusals({
  PLAN_CODE_TAKEN: 409,
  PLAN_PERIOD_OVERLAPS: 409,
  PLAN_PERIOD_REVERSED: 422,
  KEY_RESULT_CODE_TAKEN: 409,
  PRODUCT_CODE_TAKEN: 409,
  PRODUCT_CATEGORY_UNKNOWN: 400,
  EMAIL_TAKEN: 409,
  ALREADY_APPLIED: 409,
  REQUEST_ALREADY_SCHEDULED: 409,
  AUDIT_REPORT_FINALIZED: 409,
  DUPLICATE: 409,
  CONFLICTING_RECORD: 409,
  REFERENCE_MISSING: 409,
  RULE_BROKEN: 422,
  INVALID_VALUE: 400,
  VALUE_TOO_LONG: 400,
  NUMBER_OUT_OF_RANGE: 400,
  INVALID_DATE: 400,
  CONCURRENT_CHANGE: 409,
  ACTIVITY_FULL: 409,
  NOMINATION_QUOTA_REACHED: 409,
});

interface ConstraintRefusal {
  refusal: Refusal;
  /** The English sentence, from the params the service adds (or none, when the filter maps it). */
  message: (params: RefusalParams) => string;
}

const by = (refusal: Refusal, message: (params: RefusalParams) => string): ConstraintRefusal => ({ refusal, message });
const R = ConstraintRefusals;

/** The one map from a constraint of the schema to the refusal a client gets when its input breaks it. */
const CONSTRAINTS: Record<string, ConstraintRefusal> = {
  ta_plans_code_key: by(R.PLAN_CODE_TAKEN, (p) => (p.code ? `plan code ${p.code} already exists` : 'plan code already exists')),
  ta_plans_period_excl: by(R.PLAN_PERIOD_OVERLAPS, (p) =>
    p.otherPlanCode ? `the period overlaps plan ${p.otherPlanCode} (${p.otherPeriodStart} to ${p.otherPeriodEnd})` : 'the period overlaps another plan'),
  ta_plans_period_check: by(R.PLAN_PERIOD_REVERSED, () => 'periodEnd must be after periodStart'),
  key_results_plan_code_key: by(R.KEY_RESULT_CODE_TAKEN, (p) => `key result code ${p.code} already exists in plan ${p.planCode}`),
  products_plan_code_key: by(R.PRODUCT_CODE_TAKEN, (p) => `product code ${p.code} already exists in plan ${p.planCode}`),
  products_category_fkey: by(R.PRODUCT_CATEGORY_UNKNOWN, (p) => `category ${p.category} is not a known product category`),
  users_email_lower_key: by(R.EMAIL_TAKEN, (p) => `email ${p.email} is already registered`),
  applications_activity_applicant_key: by(R.ALREADY_APPLIED, () => 'this person has already applied to this activity'),
  activities_national_request_key: by(R.REQUEST_ALREADY_SCHEDULED, () => 'this national request is already scheduled'),
  national_requests_activity_key: by(R.REQUEST_ALREADY_SCHEDULED, () => 'this national request is already scheduled'),
  audit_reports_finalized_frozen: by(R.AUDIT_REPORT_FINALIZED, (p) => `report ${p.year} v${p.version} is already finalized`),
  activities_seats_check: by(R.ACTIVITY_FULL, (p) => (p.activityCode ? `activity ${p.activityCode} is full: capacity ${p.capacity}` : 'the activity is full')),
  nomination_counts_quota_check: by(R.NOMINATION_QUOTA_REACHED, (p) =>
    p.activityCode ? `nomination quota of ${p.quota} reached for ${p.country} on activity ${p.activityCode}` : 'the nomination quota of this country is reached'),
};

// SQLSTATEs a client's input can cause when no constraint above names the clash.
const what = (p: RefusalParams): string => (p.constraint ? `the record (${p.constraint})` : 'the request');
const concurrentChange = by(R.CONCURRENT_CHANGE, (p) => `${what(p)} was changed by someone else at the same time; try again`);
const SQLSTATES: Record<string, ConstraintRefusal> = {
  '23505': by(R.DUPLICATE, (p) => `${what(p)} duplicate`),
  '23P01': by(R.CONFLICTING_RECORD, (p) => `${what(p)} conflicts with an existing record`),
  '23503': by(R.REFERENCE_MISSING, (p) => `${what(p)} refers to a record that does not exist or is still referenced`),
  '23514': by(R.RULE_BROKEN, (p) => `${what(p)} breaks a rule`),
  '22P02': by(R.INVALID_VALUE, (p) => `${what(p)} has a value of the wrong type`),
  '22001': by(R.VALUE_TOO_LONG, (p) => `${what(p)} has a value too long`),
  '22003': by(R.NUMBER_OUT_OF_RANGE, (p) => `${what(p)} has a number out of range`),
  '22007': by(R.INVALID_DATE, (p) => `${what(p)} has an invalid date`),
  '22008': by(R.INVALID_DATE, (p) => `${what(p)} has a date out of range`),
  '40001': concurrentChange,
  // A deadlock no retryDeadlocked absorbed: two requests at once, and the one refused may try again.
  '40P01': concurrentChange,
};

/**
 * The refusal for a query that broke a constraint a client can break, with `params` for its
 * message; undefined for any other error (rethrow it). Services call it to add what they know
 * (the code that clashed); the exception filter calls it for whatever reaches it unhandled.
 */
export function constraintRefusal(error: unknown, params: RefusalParams = {}): DomainException | undefined {
  const pg = pgError(error);
  if (!pg?.code) return undefined;
  const known = (pg.constraint && pg.code.startsWith('23') ? CONSTRAINTS[pg.constraint] : undefined) ?? SQLSTATES[pg.code];
  if (!known) return undefined;
  const all: RefusalParams = pg.constraint ? { constraint: pg.constraint, ...params } : params;
  return new DomainException(known.refusal, known.message(all), all);
}
