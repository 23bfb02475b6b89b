import type { EntityManager } from 'typeorm';
import { DomainException, type AuthUser } from '@trta/http';
import { findPlanState, PlanRefusals } from '@trta/plans';
import { ACTIVITY_STATUSES, type ActivityStatus } from './activities/activity.entity';
import { ActivityRefusals } from './activities.refusals';

/**
 * The rules of an activity's status in one place: the named sets of statuses other code asks
 * about, the lifecycle transition table, the plan lock and the actions a caller may take now.
 */
export { ACTIVITY_STATUSES, type ActivityStatus };

/** On the calendar and not yet delivered: they conflict with each other, their applications are decided, their materials are public. */
export const SCHEDULED_STATUSES = ['confirmed', 'open', 'closed'] as const satisfies readonly ActivityStatus[];
/** Dates and venue are fixed (what confirming checked must keep holding); attendance is recorded. */
export const DATES_FIXED_STATUSES = ['confirmed', 'open', 'closed', 'delivered'] as const satisfies readonly ActivityStatus[];
/** Staff register participants by hand (outside an open call). */
export const PARTICIPANT_REGISTRATION_STATUSES = ['confirmed', 'closed', 'delivered'] as const satisfies readonly ActivityStatus[];
/** The activity sheet can be published. */
export const SHEET_PUBLISHABLE_STATUSES = ['planned', 'confirmed', 'open', 'postponed'] as const satisfies readonly ActivityStatus[];
/** A back-to-office report is written. */
export const REPORTABLE_STATUSES = ['delivered'] as const satisfies readonly ActivityStatus[];
/** Nothing of the activity changes any more. */
export const FROZEN_STATUSES = ['cancelled'] as const satisfies readonly ActivityStatus[];
/** Took place: a country's earlier activities, as a national request's review lists them. */
export const DELIVERED_STATUSES = ['delivered'] as const satisfies readonly ActivityStatus[];
/** Called off: no longer takes a national activity's place under its country's ceiling. */
export const CANCELLED_STATUSES = ['cancelled'] as const satisfies readonly ActivityStatus[];

/** Whether `status` is one of `set` (typed for the `as const` sets above). */
export function statusIs(status: string, set: readonly ActivityStatus[]): boolean {
  return (set as readonly string[]).includes(status);
}

/** `statusIn('a.status', SCHEDULED_STATUSES)` → `a.status IN ('confirmed', 'open', 'closed')`, for SQL that needs the set inline. */
export function statusIn(column: string, set: readonly ActivityStatus[]): string {
  return `${column} IN (${set.map((status) => `'${status}'`).join(', ')})`;
}

/** The activity lifecycle of DESIGN section 3: each action, the statuses it starts from and where it leads. */
export const TRANSITIONS = {
  confirm: { from: ['planned', 'postponed'], to: 'confirmed' },
  open: { from: ['confirmed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  deliver: { from: ['confirmed', 'closed'], to: 'delivered' },
  cancel: { from: ['planned', 'confirmed', 'open', 'closed', 'postponed'], to: 'cancelled' },
  postpone: { from: ['planned', 'confirmed', 'open', 'closed'], to: 'postponed' },
} as const satisfies Record<string, { from: readonly ActivityStatus[]; to: ActivityStatus }>;

export type LifecycleAction = keyof typeof TRANSITIONS;
export const LIFECYCLE_ACTIONS = Object.keys(TRANSITIONS) as LifecycleAction[];

export function canTransition(action: LifecycleAction, status: ActivityStatus): boolean {
  return statusIs(status, TRANSITIONS[action].from);
}

/** e.g. `cannot open an activity that is planned; open is allowed from: confirmed`. */
export function illegalTransitionMessage(action: LifecycleAction, status: ActivityStatus): string {
  return `cannot ${action} an activity that is ${status}; ${action} is allowed from: ${TRANSITIONS[action].from.join(', ')}`;
}

/** ACTIVITY_TRANSITION_NOT_ALLOWED with { action, status, allowedFrom }. */
export function transitionRefused(action: LifecycleAction, status: ActivityStatus): DomainException {
  return new DomainException(ActivityRefusals.ACTIVITY_TRANSITION_NOT_ALLOWED, illegalTransitionMessage(action, status), {
    action,
    status,
    allowedFrom: [...TRANSITIONS[action].from],
  });
}

/** Every action the web can be offered on an activity, named after its route. */
export const ACTIVITY_ACTIONS = [
  ...LIFECYCLE_ACTIONS,
  'edit',
  'clone',
  'edit-sheet',
  'publish-sheet',
  'back-to-office-report',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** What the caller may do to the activity now: staff and admins only, from its status (auditors and others get none). */
export function activityAllowedActions(activity: { status: ActivityStatus }, user: Pick<AuthUser, 'role'> | undefined): ActivityAction[] {
  if (user?.role !== 'staff' && user?.role !== 'admin') return [];
  // Lists ask for every row: worked out once per status, each answer its own array.
  let actions = STAFF_ACTIONS.get(activity.status);
  if (!actions) STAFF_ACTIONS.set(activity.status, (actions = staffActions(activity.status)));
  return [...actions];
}
const STAFF_ACTIONS = new Map<ActivityStatus, readonly ActivityAction[]>();

function staffActions(status: ActivityStatus): ActivityAction[] {
  const actions: ActivityAction[] = LIFECYCLE_ACTIONS.filter((action) => canTransition(action, status));
  if (!statusIs(status, FROZEN_STATUSES)) actions.push('edit', 'edit-sheet');
  actions.push('clone');
  if (statusIs(status, SHEET_PUBLISHABLE_STATUSES)) actions.push('publish-sheet');
  if (statusIs(status, REPORTABLE_STATUSES)) actions.push('back-to-office-report');
  return ACTIVITY_ACTIONS.filter((action) => actions.includes(action));
}

/** The record with its `allowedActions` for the caller. */
export function withAllowedActions<T extends { status: ActivityStatus }>(record: T, user: Pick<AuthUser, 'role'> | undefined): T & { allowedActions: ActivityAction[] } {
  return { ...record, allowedActions: activityAllowedActions(record, user) };
}

/** The plan an activity belongs to, as the rules need it. */
export interface PlanPeriod {
  id: string;
  code: string;
  status: 'draft' | 'adopted' | 'closed';
  periodStart: string;
  periodEnd: string;
}

export interface PlanLockOptions {
  /** 'rule' (default): a planId of a body that names no plan is ACTIVITY_PLAN_UNKNOWN (422); 'route': the URL's plan, PLAN_NOT_FOUND (404). */
  missing?: 'rule' | 'route';
  /** Refuse a closed plan (PLAN_CLOSED); default true. */
  open?: boolean;
}

/**
 * The plan lock of activities: the plans library's `findPlanState` FOR SHARE, which keeps the
 * plan from closing until the transaction ends; a missing plan and a closed one refused with the
 * activities' codes.
 */
export async function lockActivityPlan(manager: EntityManager, planId: string, options: PlanLockOptions = {}): Promise<PlanPeriod> {
  const { missing = 'rule', open = true } = options;
  let plan: Awaited<ReturnType<typeof findPlanState>>;
  try {
    plan = await findPlanState(manager, planId, 'FOR SHARE');
  } catch (error) {
    // The plans library refuses with PLAN_NOT_FOUND (the URL's plan); a body's planId is a rule of the activity.
    if (missing === 'rule' && error instanceof DomainException && error.code === PlanRefusals.PLAN_NOT_FOUND.code) {
      throw new DomainException(ActivityRefusals.ACTIVITY_PLAN_UNKNOWN, `planId ${planId} is not a known TA plan`, { planId });
    }
    throw error;
  }
  if (open && plan.status === 'closed') throw planClosed(plan.code);
  return { id: planId, ...plan };
}

export function planClosed(planCode: string, what = 'its activities can no longer be changed'): DomainException {
  return new DomainException(PlanRefusals.PLAN_CLOSED, `plan ${planCode} is closed and ${what}`, { planCode });
}
