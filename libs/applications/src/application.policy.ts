import { DATES_FIXED_STATUSES, PARTICIPANT_REGISTRATION_STATUSES, SCHEDULED_STATUSES, statusIs } from '@trta/activities';
import type { AuthUser } from '@trta/http';

/**
 * The rules of an application (a participation form) in one place: which status each action
 * starts from, in which activity statuses it may happen, and so what a caller may do now.
 * The services refuse exactly what these functions do not allow.
 */

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

/** Activities whose applications staff and focal points still decide on: the scheduled ones. */
export const DECIDING_ACTIVITY_STATUSES = SCHEDULED_STATUSES;

/** A focal point endorses or declines an application while it is still submitted. */
export const NOMINATION_FROM: readonly ApplicationStatus[] = ['submitted'];

/** Attendance, completion and no-shows staff record, each from the statuses it starts from. */
export const PARTICIPATION_TRANSITIONS = {
  attend: { from: ['selected'], to: 'attended' },
  complete: { from: ['attended'], to: 'completed' },
  'no-show': { from: ['selected'], to: 'no_show' },
} as const;
export type ParticipationAction = keyof typeof PARTICIPATION_TRANSITIONS;

/** Statuses of a person who took part: they are evaluated, and counted as participants. */
export const ATTENDED_STATUSES: readonly string[] = ['attended', 'completed'];

/** Statuses that hold one of the activity's seats. */
export const SEAT_STATUSES: readonly string[] = ['selected', 'attended', 'completed'];

/** Activities whose participants can still be recorded: dates fixed (not cancelled, not back in planning). */
export const RECORDABLE_ACTIVITY_STATUSES: readonly string[] = DATES_FIXED_STATUSES;

/** Activities staff register participants to directly. */
export const REGISTRABLE_ACTIVITY_STATUSES: readonly string[] = PARTICIPANT_REGISTRATION_STATUSES;

export const isDecidingActivity = (activityStatus: string): boolean => statusIs(activityStatus, SCHEDULED_STATUSES);
export const isRecordableActivity = (activityStatus: string): boolean => statusIs(activityStatus, DATES_FIXED_STATUSES);

/** Every action `allowedActions` can name: the verbs of the routes on an application. */
export const APPLICATION_ACTIONS = [
  'withdraw',
  'endorse',
  'decline',
  'select',
  'waitlist',
  'reject',
  'attend',
  'complete',
  'no-show',
  'evaluate',
  'follow-up',
  'certificate',
] as const;
export type ApplicationActionName = (typeof APPLICATION_ACTIONS)[number];

/** What the policy needs to know of an application and its activity. */
export interface ApplicationFacts {
  status: ApplicationStatus;
  applicantId: string;
  country: string;
  activityStatus: string;
  /** The activity has started (its start date is today or past). */
  activityStarted: boolean;
  /** The activity has ended (its end date is past). */
  activityEnded: boolean;
  /** Self-paced e-learning: a participant completes on passing, before the activity's end. */
  selfPaced: boolean;
  requiresNomination: boolean;
  hasEvaluation: boolean;
  /** The participant was asked the follow-up question (months after the activity) and has not answered yet. */
  followUpDue: boolean;
}

/** The applicant may withdraw from WITHDRAWABLE, before the activity starts. */
export const mayWithdraw = (status: ApplicationStatus): boolean => WITHDRAWABLE.includes(status);

/** A focal point's nomination: the activity requires one, it is being decided, the application waits for it. */
export const mayNominate = (status: ApplicationStatus): boolean => NOMINATION_FROM.includes(status);

/** A staff decision from the statuses decisionAllowedFrom gives. */
export const mayDecide = (action: DecisionAction, status: ApplicationStatus, requiresNomination: boolean): boolean =>
  decisionAllowedFrom(action, requiresNomination).includes(status);

/** Attendance, completion or no-show from the statuses of PARTICIPATION_TRANSITIONS. */
export const mayRecordParticipation = (action: ParticipationAction, status: string): boolean =>
  (PARTICIPATION_TRANSITIONS[action].from as readonly string[]).includes(status);

/** An evaluation is submitted once the person took part, once. */
export const mayEvaluate = (status: ApplicationStatus, hasEvaluation: boolean): boolean => ATTENDED_STATUSES.includes(status) && !hasEvaluation;

const isStaff = (user: AuthUser): boolean => user.role === 'staff' || user.role === 'admin';

/** What `user` may do with the application now, named by the routes' verbs. */
export function allowedActions(application: ApplicationFacts, user: AuthUser): ApplicationActionName[] {
  const actions: ApplicationActionName[] = [];
  const { status } = application;
  if (user.role === 'applicant' && application.applicantId === user.id) {
    if (mayWithdraw(status) && !application.activityStarted) actions.push('withdraw');
    if (mayEvaluate(status, application.hasEvaluation)) actions.push('evaluate');
    if (application.followUpDue) actions.push('follow-up');
    if (status === 'completed') actions.push('certificate');
  }
  if (
    user.role === 'focal_point' &&
    user.country === application.country &&
    application.requiresNomination &&
    isDecidingActivity(application.activityStatus) &&
    mayNominate(status)
  ) {
    actions.push('endorse', 'decline');
  }
  if (isStaff(user)) {
    if (isDecidingActivity(application.activityStatus)) {
      for (const action of DECISION_ACTIONS) if (mayDecide(action, status, application.requiresNomination)) actions.push(action);
    }
    if (isRecordableActivity(application.activityStatus)) {
      for (const action of Object.keys(PARTICIPATION_TRANSITIONS) as ParticipationAction[]) {
        if (mayRecordParticipation(action, status) && participationOnTime(action, { started: application.activityStarted, ended: application.activityEnded, selfPaced: application.selfPaced })) {
          actions.push(action);
        }
      }
    }
    if (mayEvaluate(status, application.hasEvaluation)) actions.push('evaluate');
  }
  return actions;
}

/**
 * When participation is recorded (DESIGN section 3), whoever records it: attendance and a no-show
 * once the activity has started (its start date is today or past); completion, and so its
 * certificate, once it has ended (its end date is past, as for delivering it), except in
 * self-paced e-learning, where a participant completes on passing, any day from the start.
 */
export interface ParticipationTiming {
  startDate: string | null;
  endDate: string | null;
  started: boolean;
  ended: boolean;
  selfPaced: boolean;
}

/** The refusal codes of the timing rule (declared by the participation library, which records participation). */
export type TimingRefusal =
  | { code: 'ACTIVITY_NOT_STARTED'; action: ParticipationAction; params: { action: ParticipationAction; startDate: string | null } }
  | { code: 'ACTIVITY_NOT_ENDED'; action: ParticipationAction; params: { action: ParticipationAction; endDate: string | null } };

/** The delivery mode whose participants complete on passing, at their own pace. */
export const SELF_PACED_MODE = 'e_learning';

/** Whether the timing rule lets `action` be recorded now. */
export function participationOnTime(action: ParticipationAction, timing: Pick<ParticipationTiming, 'started' | 'ended' | 'selfPaced'>): boolean {
  return action === 'complete' && !timing.selfPaced ? timing.ended : timing.started;
}

/**
 * The refusal the timing rule gives `action` now, or null when it may be recorded: a completion
 * waits for the end (ACTIVITY_NOT_ENDED), or in self-paced e-learning for the start; attendance
 * and a no-show wait for the start (ACTIVITY_NOT_STARTED).
 */
export function participationTimingRefusal(action: ParticipationAction, timing: ParticipationTiming): TimingRefusal | null {
  if (participationOnTime(action, timing)) return null;
  if (action === 'complete' && !timing.selfPaced) return { code: 'ACTIVITY_NOT_ENDED', action, params: { action, endDate: timing.endDate } };
  return { code: 'ACTIVITY_NOT_STARTED', action, params: { action, startDate: timing.startDate } };
}

/** A status a participant is registered with directly (participants registered by staff) and the action it stands for. */
export const REGISTERED_AS: Readonly<Record<string, ParticipationAction>> = { attended: 'attend', completed: 'complete' };

/** What staff may do to an activity's applications as a whole (the review page's bulk actions). */
export const ACTIVITY_APPLICATIONS_ACTIONS = ['decide', 'attend', 'complete'] as const;
export type ActivityApplicationsAction = (typeof ACTIVITY_APPLICATIONS_ACTIONS)[number];

/**
 * The bulk actions `user` may take on an activity's applications now, and the timing refusals
 * of those the activity's dates hold back (the web shows the refusal instead of the button).
 */
export function activityApplicationsActions(
  activity: { status: string } & ParticipationTiming,
  user: AuthUser,
): { allowed: ActivityApplicationsAction[]; refused: TimingRefusal[] } {
  if (!isStaff(user)) return { allowed: [], refused: [] };
  const allowed: ActivityApplicationsAction[] = [];
  const refused: TimingRefusal[] = [];
  if (isDecidingActivity(activity.status)) allowed.push('decide');
  if (isRecordableActivity(activity.status)) {
    for (const action of ['attend', 'complete'] as const) {
      const refusal = participationTimingRefusal(action, activity);
      if (refusal) refused.push(refusal);
      else allowed.push(action);
    }
  }
  return { allowed, refused };
}

/** What the applicant does or waits for next, said on their application (DESIGN section 3's lifecycle). */
export const NEXT_STEPS = [
  'await_nomination',
  'await_selection',
  'on_waitlist',
  'attend',
  'await_completion',
  'evaluate',
  'answer_follow_up',
  'download_certificate',
  'closed',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** The applicant's next step from the application's facts; `closed` once nothing more will happen. */
export function nextStep(application: ApplicationFacts): NextStep {
  switch (application.status) {
    case 'submitted':
      return application.requiresNomination ? 'await_nomination' : 'await_selection';
    case 'endorsed':
      return 'await_selection';
    case 'waitlisted':
      return 'on_waitlist';
    case 'selected':
      return 'attend';
    case 'attended':
      return application.hasEvaluation ? (application.followUpDue ? 'answer_follow_up' : 'await_completion') : 'evaluate';
    case 'completed':
      if (!application.hasEvaluation) return 'evaluate';
      return application.followUpDue ? 'answer_follow_up' : 'download_certificate';
    default:
      return 'closed';
  }
}
