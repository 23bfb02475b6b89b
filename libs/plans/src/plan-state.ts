import { EntityManager, QueryFailedError } from 'typeorm';
import { DomainErrorCode, DomainException } from '@trta/http';

export interface PlanState {
  code: string;
  status: 'draft' | 'adopted' | 'closed';
  periodStart: string;
  periodEnd: string;
}

/** The plan's state, or a 404. */
export async function findPlanState(manager: EntityManager, planId: string, lock: 'FOR SHARE' | '' = ''): Promise<PlanState> {
  const [plan] = (await manager.query(
    `SELECT code, status, period_start::text AS "periodStart", period_end::text AS "periodEnd" FROM ta_plans WHERE id = $1 ${lock}`,
    [planId],
  )) as PlanState[];
  if (!plan) throw DomainException.notFound('TA plan', planId);
  return plan;
}

/**
 * Locks the plan against a concurrent close for the rest of the transaction and refuses changes
 * to a closed plan's products and results framework.
 */
export async function lockOpenPlan(manager: EntityManager, planId: string): Promise<PlanState> {
  const plan = await findPlanState(manager, planId, 'FOR SHARE');
  if (plan.status === 'closed') throw new DomainException(DomainErrorCode.Conflict, `plan ${plan.code} is closed and can no longer be changed`);
  return plan;
}

/** The PostgreSQL error code and constraint of a failed query, when it is one. */
export function pgError(error: unknown): { code?: string; constraint?: string } | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
}
