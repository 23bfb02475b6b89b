/** Every status change that concerns an applicant or a focal point (issue 4, item 8). */
export enum NotificationKind {
  ApplicationSubmitted = 'application.submitted',
  NominationNeeded = 'nomination.needed',
  ApplicationEndorsed = 'application.endorsed',
  ApplicationDeclined = 'application.declined',
  ApplicationSelected = 'application.selected',
  ApplicationWaitlisted = 'application.waitlisted',
  ApplicationPromoted = 'application.promoted',
  ApplicationRejected = 'application.rejected',
  ActivityReminder = 'activity.reminder',
  CertificateReady = 'certificate.ready',
  /** Staff registered a participant whose email was new: the account waits to be claimed with the token. */
  AccountCreated = 'account.created',
  /** The link that confirms a new account's email address (sign-up, or asked again). */
  EmailVerification = 'account.verify_email',
  /** The link that sets a new password (forgot password, or sent by an admin). */
  PasswordReset = 'account.password_reset',
  /** Staff registered a participant with the email of an unverified account: the owner of the address may take it over. */
  AccountTakeover = 'account.takeover',
  /** National requests (issue 7): the requesting focal point hears of every decision. */
  RequestUnderReview = 'request.under_review',
  RequestApproved = 'request.approved',
  RequestRejected = 'request.rejected',
  RequestScheduled = 'request.scheduled',
  /** Months after an activity: did the participant apply what they learned? With a link to answer. */
  EvaluationFollowUp = 'evaluation.follow_up',
}

/**
 * Messages whose link proves that the reader holds the email address (or takes an account over
 * through it): they go to the mailbox only and never show in the app, where whoever signed up
 * with someone else's address would read them.
 */
export const EMAIL_ONLY_KINDS: readonly NotificationKind[] = [
  NotificationKind.AccountCreated,
  NotificationKind.EmailVerification,
  NotificationKind.PasswordReset,
  NotificationKind.AccountTakeover,
];

/** What a message may mention; templates pick what they need. */
export interface NotificationParams {
  activityCode?: string;
  activityTitle?: string;
  startDate?: string | null;
  reason?: string | null;
  applicantName?: string;
  certificateCode?: string;
  waitlistPosition?: number;
  /** account.created: the one-time token that sets the password, and until when it works. */
  claimToken?: string;
  claimExpiresOn?: string;
  email?: string;
  /**
   * A full address in the web application to act on the message (PUBLIC_URL/...); for
   * account.verify_email, account.password_reset and account.takeover the one-time link, and until when it works.
   */
  link?: string;
  linkExpiresAt?: string;
  /** request.*: the requesting country's name and the quarter asked for. */
  countryName?: string;
  preferredQuarter?: string;
}

export interface NotificationRequest {
  /** Who receives it (an applicant or a focal point). */
  userId: string;
  kind: NotificationKind;
  applicationId?: string | null;
  params: NotificationParams;
  /** Makes a repeated request (a retried job, a second click) a no-op; defaults to kind + application + user. */
  dedupKey?: string;
}
