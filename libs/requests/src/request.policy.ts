import { DomainException, type Role } from '@trta/http';
import { RequestRefusals } from './requests.refusals';

/**
 * The rules of a national request in one place: its statuses, which action leads from which
 * status, and so the actions a caller may take on a request now.
 */
export const REQUEST_STATUSES = ['submitted', 'under_review', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['edit', 'withdraw', 'review', 'approve', 'reject', 'schedule'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** What a request's history records: its submission, then each action on it. */
export const REQUEST_HISTORY_ACTIONS = ['submit', ...REQUEST_ACTIONS] as const;
export type RequestHistoryAction = (typeof REQUEST_HISTORY_ACTIONS)[number];

/** The statuses each action starts from; `to` is where it leaves the request (schedule keeps it approved). */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }>> = {
  edit: { from: ['submitted'], to: 'submitted' },
  withdraw: { from: ['submitted', 'under_review'], to: 'withdrawn' },
  review: { from: ['submitted'], to: 'under_review' },
  approve: { from: ['under_review'], to: 'approved' },
  reject: { from: ['under_review'], to: 'rejected' },
  schedule: { from: ['approved'], to: 'approved' },
};

/** The requester's actions (the country's focal point) and the committee's (staff, admins). */
const REQUESTER_ACTIONS: readonly RequestAction[] = ['edit', 'withdraw'];
const COMMITTEE_ACTIONS: readonly RequestAction[] = ['review', 'approve', 'reject', 'schedule'];

/** Who looks at a request: their role and, for a focal point, the country their account is attached to. */
export interface RequestViewer {
  role: Role;
  country: string | null;
}

/** Whether the request's status (and, for schedule, its not being scheduled yet) lets the action run. */
export function canTransition(request: { status: RequestStatus; activityId: string | null }, action: RequestAction): boolean {
  if (action === 'schedule' && request.activityId) return false;
  return REQUEST_TRANSITIONS[action].from.includes(request.status);
}

/** The actions the viewer may take on the request now, in the order of REQUEST_ACTIONS. */
export function allowedActions(
  request: { status: RequestStatus; country: string; activityId: string | null },
  viewer: RequestViewer,
): RequestAction[] {
  const mine =
    viewer.role === 'focal_point' && viewer.country === request.country
      ? REQUESTER_ACTIONS
      : viewer.role === 'staff' || viewer.role === 'admin'
        ? COMMITTEE_ACTIONS
        : [];
  return REQUEST_ACTIONS.filter((action) => mine.includes(action) && canTransition(request, action));
}

/** 409 naming the request's current status and the ones the action needs. */
export function illegalTransition(action: RequestAction, current: RequestStatus): DomainException {
  const allowed = REQUEST_TRANSITIONS[action].from;
  return new DomainException(
    RequestRefusals.REQUEST_TRANSITION_NOT_ALLOWED,
    `cannot ${action} a request that is ${current}: ${action} is allowed only from ${allowed.join(' or ')}`,
    { action, status: current, allowedFrom: [...allowed] },
    { currentStatus: current, allowedStatuses: allowed },
  );
}

/** Refuses the action unless the request's status allows it. */
export function assertTransition(action: RequestAction, current: RequestStatus): void {
  if (!REQUEST_TRANSITIONS[action].from.includes(current)) throw illegalTransition(action, current);
}
