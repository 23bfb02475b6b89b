import { ActivityRefusals } from '@trta/activities';

/** Refusals of the products matrix: only the plan of the URL can be missing (the activities' PLAN_NOT_FOUND). */
export const MatrixRefusals = {
  PLAN_NOT_FOUND: ActivityRefusals.PLAN_NOT_FOUND,
} as const;
