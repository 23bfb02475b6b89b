import { declareRefusals } from '@trta/http';

/** Refusals of plans, their products and their results framework. */
export const PlanRefusals = declareRefusals({
  PLAN_NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 404,
  KEY_RESULT_NOT_FOUND: 404,
  INDICATOR_NOT_FOUND: 404,
  /** A closed plan, its products and its results framework are no longer changed. */
  PLAN_CLOSED: 409,
  /** adopt needs a draft plan, close an adopted one; `params.status` is the plan's status now. */
  PLAN_TRANSITION_NOT_ALLOWED: 409,
  /** The `cursor` of a list is not one that list returned. */
  ACTUAL_YEAR_INVALID: 400,
  /** An indicator's actual is recorded only for a year of its plan's period. */
  ACTUAL_YEAR_OUTSIDE_PLAN: 422,
});
