import { declareRefusals } from '@trta/http';

/** Refusals of the IATI publication of a plan. */
export const IatiRefusals = declareRefusals({
  /** The IATI schema needs at least one activity: a plan without any has no file to give yet. */
  PLAN_HAS_NO_IATI_ACTIVITIES: 404,
});
