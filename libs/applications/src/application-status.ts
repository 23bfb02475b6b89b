/** DESIGN section 3: the statuses of a participation form. */
export const APPLICATION_STATUSES = [
  'submitted',
  'endorsed',
  'declined',
  'selected',
  'waitlisted',
  'rejected',
  'withdrawn',
  'attended',
  'completed',
  'no_show',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const DECISION_ACTIONS = ['select', 'waitlist', 'reject'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export const NOMINATION_ACTIONS = ['endorse', 'decline'] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/** What each staff decision leads to. */
export const DECISION_TARGET: Readonly<Record<DecisionAction, ApplicationStatus>> = {
  select: 'selected',
  waitlist: 'waitlisted',
  reject: 'rejected',
};

/**
 * The statuses a staff decision may start from. When the activity requires a nomination, a
 * `submitted` application still waits for its focal point and cannot be selected or waitlisted.
 */
export function decisionAllowedFrom(action: DecisionAction, requiresNomination: boolean): readonly ApplicationStatus[] {
  switch (action) {
    case 'select':
      return requiresNomination ? ['endorsed', 'waitlisted'] : ['submitted', 'endorsed', 'waitlisted'];
    case 'waitlist':
      return requiresNomination ? ['endorsed'] : ['submitted', 'endorsed'];
    case 'reject':
      return ['submitted', 'endorsed', 'waitlisted', 'selected'];
  }
}

/** The applicant may withdraw from these, before the activity starts. */
export const WITHDRAWABLE: readonly ApplicationStatus[] = ['submitted', 'endorsed', 'selected', 'waitlisted'];

/** Activities whose applications staff and focal points still decide on. */
export const DECIDING_ACTIVITY_STATUSES = ['confirmed', 'open', 'closed'] as const;
