import { declareRefusals } from '@trta/http';

/** Refusals of national TA requests: submission, editing, the committee's decisions and scheduling. */
export const RequestRefusals = declareRefusals({
  /** No such request, or one of another country (a focal point never learns it exists). */
  REQUEST_NOT_FOUND: 404,
  /** The request has no official letter stored (only after a data repair). */
  LETTER_MISSING: 404,
  /** Submitting is for a focal point, for their own country. */
  FOCAL_POINT_ONLY: 403,
  /** The focal point's account names no country, so no request is theirs. */
  ACCOUNT_WITHOUT_COUNTRY: 403,
  /** `params`: `action`, the request's `status` now and the statuses the action is `allowedFrom`. */
  REQUEST_TRANSITION_NOT_ALLOWED: 409,
  /** Scheduled once already; `params.activityCode` is the activity it became (also the constraint's refusal). */
  REQUEST_ALREADY_SCHEDULED: 409,
  /** The preferred quarter has already ended. */
  QUARTER_PASSED: 422,
  /** The country reached the plan's ceiling per country; approve with `overrideCeiling` and a reason to go past it. */
  COUNTRY_CEILING_REACHED: 422,
  /** No TA plan covers the preferred quarter, so no activity can be scheduled for it yet. */
  NO_PLAN_COVERS_QUARTER: 422,
  /** The plan covering the preferred quarter is closed. */
  COVERING_PLAN_CLOSED: 422,
});
