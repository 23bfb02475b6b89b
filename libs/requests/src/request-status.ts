import { DomainErrorCode, DomainException } from '@trta/http';

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

/** 409 naming the request's current status and the ones the action needs. */
export function illegalTransition(action: RequestAction, current: RequestStatus): DomainException {
  const allowed = REQUEST_TRANSITIONS[action].from;
  return new DomainException(
    DomainErrorCode.Conflict,
    `cannot ${action} a request that is ${current}: ${action} is allowed only from ${allowed.join(' or ')}`,
    { currentStatus: current, allowedStatuses: allowed },
  );
}
