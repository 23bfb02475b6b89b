import { declareRefusals } from '@trta/http';

/**
 * Refusals of attendance, completion, certificates, evaluations and staff registration of  participants (an unknown application or
 * activity, a full activity and a second registration are applications' ApplicationRefusals and ALREADY_APPLIED).
 */
export const ParticipationRefusals = declareRefusals({
  CERTIFICATE_NOT_FOUND: 404,
  CERTIFICATE_CODE_INVALID: 400,
  /** A JSON body that is not one participant object. */
  PARTICIPANT_BODY_INVALID: 400,
  ACTIVITY_NOT_RECORDABLE: 409,
  ACTIVITY_NOT_REGISTRABLE: 409,
  ATTENDANCE_TRANSITION_NOT_ALLOWED: 409,
  CERTIFICATE_NOT_ISSUED: 409,
  EVALUATION_EXISTS: 409,
  EVALUATION_NOT_ALLOWED: 409,
  EVALUATION_MISSING: 409,
  /** The follow-up question is answered once it was asked, months after the activity (its message carries the link). */
  FOLLOW_UP_NOT_DUE: 409,
  /** Test scores come from the test or from staff, never from the participant's own evaluation. */
  TEST_SCORES_BY_STAFF: 403,
  ATTENDED_DAYS_EXCEED_LENGTH: 422,
  /** The participant (or some rows of the file) break a rule; `errors` lists each problem. */
  PARTICIPANTS_INVALID: 422,
  /** Attendance (or a no-show) before the activity's start date: `params` { action, startDate }. */
  ACTIVITY_NOT_STARTED: 409,
  /** Completion (and so a certificate) before the activity's end date has passed, outside self-paced e-learning: `params` { action, endDate }. */
  ACTIVITY_NOT_ENDED: 409,
  /** Some records of a batch of attendance or completions cannot be applied; nothing was changed; `errors` lists each. */
  PARTICIPATION_RECORDS_REFUSED: 409,
});
