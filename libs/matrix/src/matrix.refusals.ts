import { PlanRefusals } from '@trta/plans';

/** Refusals of the products matrix: only the plan of the URL can be missing. */
export const MatrixRefusals = {
  PLAN_NOT_FOUND: PlanRefusals.PLAN_NOT_FOUND,
} as const;
