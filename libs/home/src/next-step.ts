import { ATTENDED_STATUSES, type ApplicationStatus } from '@trta/applications';

/**
 * What comes next for an applicant's application, named for the web to translate: whom it waits
 * for, or what the applicant does now. `null` once nothing is left to happen (a final status).
 */
export const NEXT_STEPS = [
  /** Submitted to an activity that needs a nomination: the country's focal point decides first. */
  'await_nomination',
  /** Submitted (or endorsed): the secretariat selects the participants. */
  'await_selection',
  /** On the waiting list: a seat may free up. */
  'await_seat',
  /** Selected: take part on the start date. */
  'attend',
  /** Selected, the activity has started: staff record attendance. */
  'await_attendance',
  /** Took part: fill in the evaluation. */
  'evaluate',
  /** Took part and evaluated: staff record completion, then the certificate comes. */
  'await_completion',
  /** Completed: the certificate can be downloaded. */
  'download_certificate',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export interface NextStepFacts {
  status: ApplicationStatus;
  requiresNomination: boolean;
  activityStarted: boolean;
  hasEvaluation: boolean;
}

export function nextStepOf(facts: NextStepFacts): NextStep | null {
  switch (facts.status) {
    case 'submitted':
      return facts.requiresNomination ? 'await_nomination' : 'await_selection';
    case 'endorsed':
      return 'await_selection';
    case 'waitlisted':
      return 'await_seat';
    case 'selected':
      return facts.activityStarted ? 'await_attendance' : 'attend';
    case 'attended':
      return facts.hasEvaluation ? 'await_completion' : 'evaluate';
    case 'completed':
      return facts.hasEvaluation ? 'download_certificate' : 'evaluate';
    default:
      return ATTENDED_STATUSES.includes(facts.status) ? 'evaluate' : null;
  }
}

/** Statuses of an application still under way, listed on the applicant's home page. */
export const ONGOING_STATUSES: readonly ApplicationStatus[] = ['submitted', 'endorsed', 'waitlisted', 'selected', 'attended'];
