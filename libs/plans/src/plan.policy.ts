import type { EntityManager } from 'typeorm';
import { DomainException, type AuthUser } from '@trta/http';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import { PLAN_FIELDS, type PlanRow } from './plans/plan-fields';
import { PlanRefusals } from './plans.refusals';

/** The rules of a plan's lifecycle, draft → adopted → closed, in one place. */
export const PLAN_STATUSES = ['draft', 'adopted', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Each transition and the one status it starts from. */
export const PLAN_TRANSITIONS = {
  adopt: { from: 'draft', to: 'adopted' },
  close: { from: 'adopted', to: 'closed' },
} as const satisfies Record<string, { from: PlanStatus; to: PlanStatus }>;
export type PlanTransition = keyof typeof PLAN_TRANSITIONS;

/** What staff may do to a plan, named after the routes: the plan itself, its products, its results framework, its activities (created or imported). */
export const PLAN_ACTIONS = ['edit', 'adopt', 'close', 'add-product', 'edit-product', 'add-key-result', 'add-indicator', 'add-activity', 'set-actual'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Changes that a closed plan no longer takes; actuals still arrive after the plan ends. */
const OPEN_PLAN_ACTIONS: readonly PlanAction[] = ['edit', 'add-product', 'edit-product', 'add-key-result', 'add-indicator', 'add-activity'];

/** The actions the caller may take on the plan now (staff and admins only). */
export function planAllowedActions(plan: { status: PlanStatus }, user: Pick<AuthUser, 'role'> | undefined): PlanAction[] {
  if (user?.role !== 'staff' && user?.role !== 'admin') return [];
  return PLAN_ACTIONS.filter((action) => {
    if (action in PLAN_TRANSITIONS) return PLAN_TRANSITIONS[action as PlanTransition].from === plan.status;
    if (OPEN_PLAN_ACTIONS.includes(action)) return plan.status !== 'closed';
    return true;
  });
}

/** What the rules of a plan's products and results framework need to know of it. */
export type PlanState = Pick<PlanRow, 'code' | 'status' | 'periodStart' | 'periodEnd'>;
const PLAN_STATE_FIELDS: FieldMap<PlanState> = {
  code: PLAN_FIELDS.code,
  status: PLAN_FIELDS.status,
  periodStart: PLAN_FIELDS.periodStart,
  periodEnd: PLAN_FIELDS.periodEnd,
};

/** The plan's state, or PLAN_NOT_FOUND. */
export async function findPlanState(manager: EntityManager, planId: string, lock: 'FOR SHARE' | '' = ''): Promise<PlanState> {
  const [plan] = await queryRows(manager, PLAN_STATE_FIELDS, `SELECT ${selectList(PLAN_STATE_FIELDS)} FROM ta_plans WHERE id = $1 ${lock}`, [planId]);
  if (!plan) throw planNotFound(planId);
  return plan;
}

/**
 * The plan lock: locks the plan against a concurrent close for the rest of the transaction and
 * refuses changes to a closed plan (PLAN_CLOSED). Whatever belongs to a plan takes it before writing.
 */
export async function lockOpenPlan(manager: EntityManager, planId: string): Promise<PlanState> {
  const plan = await findPlanState(manager, planId, 'FOR SHARE');
  if (plan.status === 'closed') throw planClosed(plan.code);
  return plan;
}

export function planNotFound(planId: string): DomainException {
  return new DomainException(PlanRefusals.PLAN_NOT_FOUND, `TA plan ${planId} not found`, { planId });
}

export function planClosed(planCode: string, what = 'changed'): DomainException {
  return new DomainException(PlanRefusals.PLAN_CLOSED, `plan ${planCode} is closed and can no longer be ${what}`, { planCode });
}

/** The refusal of a transition the plan's status does not allow. */
export function transitionRefused(plan: { code: string; status: PlanStatus }, action: PlanTransition): DomainException {
  const { from, to } = PLAN_TRANSITIONS[action];
  return new DomainException(
    PlanRefusals.PLAN_TRANSITION_NOT_ALLOWED,
    `cannot ${action} plan ${plan.code}: it is ${plan.status}, and only ${from === 'adopted' ? 'an' : 'a'} ${from} plan can be ${to}`,
    { planCode: plan.code, action, status: plan.status, allowedFrom: from },
    { status: plan.status, allowedFrom: from },
  );
}
