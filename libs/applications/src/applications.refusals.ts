import { ConstraintRefusals, declareRefusals } from '@trta/http';

/** Refusals of participation forms, their nomination, the staff decisions and the applicant's profile. */
export const ApplicationRefusals = {
  // Constraints of the schema (migration 0008) name these; their refusals live in the one constraint map.
  ACTIVITY_FULL: ConstraintRefusals.ACTIVITY_FULL,
  NOMINATION_QUOTA_REACHED: ConstraintRefusals.NOMINATION_QUOTA_REACHED,
  ALREADY_APPLIED: ConstraintRefusals.ALREADY_APPLIED,
  ...declareRefusals({
  APPLICATION_NOT_FOUND: 404,
  /** The application exists but belongs to another activity than the one in the path. */
  APPLICATION_NOT_IN_ACTIVITY: 404,
  ACTIVITY_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  PROFILE_NOT_FOUND: 404,
  DOCUMENT_KIND_REPEATED: 400,
  DECISION_REPEATED: 400,
  /** The account was deleted since its token was issued: sign in again. */
  ACCOUNT_DELETED: 401,
  NOT_FOCAL_POINT_OF_COUNTRY: 403,
  STAFF_ACCOUNT_NOT_SELF_DELETABLE: 403,
  NOT_OPEN_FOR_APPLICATIONS: 409,
  NOMINATION_NOT_REQUIRED: 409,
  ACTIVITY_NOT_DECIDING: 409,
  ACTIVITY_STARTED: 409,
  APPLICATION_TRANSITION_NOT_ALLOWED: 409,
  /** Some decisions of a batch clash with the applications' state (nothing was changed; `errors` lists them). */
  DECISIONS_CONFLICT: 409,
  /** Some decisions of a batch name applications that are not this activity's (nothing was changed; `errors` lists them). */
  DECISIONS_REFUSED: 422,
  PROFILE_INCOMPLETE: 422,
  DEADLINE_PASSED: 422,
  NOT_ELIGIBLE_COUNTRY: 422,
  PREREQUISITE_NOT_MET: 422,
  DOCUMENTS_MISSING: 422,
  DOCUMENTS_NOT_YOURS: 422,
  }),
} as const;
