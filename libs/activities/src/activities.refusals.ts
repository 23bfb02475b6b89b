import { declareRefusals } from '@trta/http';

/** Refusals of activities: their rules, lifecycle, scheduling, search, CSV import, clone and back-to-office report. */
export const ActivityRefusals = declareRefusals({
  ACTIVITY_NOT_FOUND: 404,
  /** A cancelled activity, its sheet and materials included, is no longer changed. */
  ACTIVITY_CANCELLED: 409,
  /** `params`: { action, status, allowedFrom } — the activity's status does not allow that lifecycle action. */
  ACTIVITY_TRANSITION_NOT_ALLOWED: 409,
  /** Confirming overlaps scheduled activities; the body lists them as `conflicts`; confirm again with acknowledgeConflicts. */
  SCHEDULING_CONFLICT: 409,
  /** The action's preconditions do not hold yet (`params.problems`, e.g. no published sheet to open). */
  ACTIVITY_NOT_READY: 422,
  /** The activity as a whole breaks business rules; `params.problems` lists each. */
  ACTIVITY_RULES_BROKEN: 422,
  /** Country, topic, division or region codes not in the reference data; `params.problems` names them. */
  REFERENCE_CODES_UNKNOWN: 400,
  /** The body's planId is no TA plan. */
  ACTIVITY_PLAN_UNKNOWN: 422,
  PRODUCT_NOT_IN_PLAN: 422,
  /** The cursor was returned for another `sort`; start again without a cursor. */
  CURSOR_SORT_MISMATCH: 400,
  /** `from` is after `to`. */
  DATE_RANGE_REVERSED: 400,
  /** `includeGlobal` needs `country`. */
  INCLUDE_GLOBAL_WITHOUT_COUNTRY: 400,
  /** The CSV import's request has no file in the field `file`. */
  IMPORT_FILE_MISSING: 400,
  /** Rows of the CSV have problems (each in the body's `errors`); nothing was imported. */
  IMPORT_ROWS_INVALID: 422,
  /** The activity has no start date yet: it has no calendar event. */
  ACTIVITY_NOT_DATED: 409,
  BACK_TO_OFFICE_REPORT_NOT_FOUND: 404,
  /** A back-to-office report is written only once the activity is delivered; `params.status` is its status now. */
  ACTIVITY_NOT_DELIVERED: 409,
  /** More participants observed than could have been there: `params` { observed, maximum, capacity, applications }. */
  OBSERVED_PARTICIPANTS_IMPLAUSIBLE: 422,
  /** The participants observed differ from those recorded as attending, and the report says not why: `params` { observed, recorded }. */
  PARTICIPANTS_NOTE_REQUIRED: 422,
});
