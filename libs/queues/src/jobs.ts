import { JobsOptions } from 'bullmq';
import { QueueName } from './queue-name.enum';

/** Every job name, with the queue it runs on and the payload it carries. */
export enum JobName {
  SystemPing = 'system.ping',
  ActivitiesClosePastDeadline = 'activities.close-past-deadline',
  NotificationSend = 'notification.send',
  NotificationReminders = 'notification.reminders',
  AuditReportGenerate = 'audit-report.generate',
  AuditReportYearly = 'audit-report.yearly',
  AuditReportExport = 'audit-report.export',
  FilesRemoveUnattached = 'files.remove-unattached',
}

export interface JobPayloads {
  [JobName.SystemPing]: { sentAt: string; nonce: string };
  /** Run by a job scheduler every 15 minutes; nothing to carry. */
  [JobName.ActivitiesClosePastDeadline]: Record<string, never>;
  [JobName.NotificationSend]: { notificationId: string };
  /** Run daily by a job scheduler: reminders to participants of activities starting soon. */
  [JobName.NotificationReminders]: Record<string, never>;
  [JobName.AuditReportGenerate]: { reportId: string };
  /** Run every 15 January by a job scheduler: the previous year's draft report. */
  [JobName.AuditReportYearly]: Record<string, never>;
  /** A completed report rendered as a file and cached in audit_report_exports. */
  [JobName.AuditReportExport]: { reportId: string; format: 'csv' | 'xlsx' | 'pdf' };
  /** Run daily by a job scheduler: uploads nothing refers to after UNATTACHED_FILE_DAYS. */
  [JobName.FilesRemoveUnattached]: Record<string, never>;
}

export interface JobResults {
  [JobName.SystemPing]: { pong: true; nonce: string; receivedAt: string; workerPid: number };
  [JobName.ActivitiesClosePastDeadline]: { closed: number };
  [JobName.NotificationSend]: { status: 'sent' | 'outbox' | 'skipped' };
  [JobName.NotificationReminders]: { queued: number };
  [JobName.AuditReportGenerate]: { status: 'completed' | 'skipped'; checksum?: string };
  [JobName.AuditReportYearly]: { reportId: string; year: number };
  [JobName.AuditReportExport]: { fileId: string };
  [JobName.FilesRemoveUnattached]: { removed: number };
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SystemPing]: QueueName.System,
  [JobName.ActivitiesClosePastDeadline]: QueueName.Activities,
  [JobName.NotificationSend]: QueueName.Notifications,
  [JobName.NotificationReminders]: QueueName.Notifications,
  [JobName.AuditReportGenerate]: QueueName.AuditReports,
  [JobName.AuditReportYearly]: QueueName.AuditReports,
  [JobName.AuditReportExport]: QueueName.AuditReports,
  [JobName.FilesRemoveUnattached]: QueueName.Files,
};

/** Retry, backoff and retention per job, in one place. */
export const JOB_OPTIONS: Readonly<Record<JobName, JobsOptions>> = {
  [JobName.SystemPing]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 24 * 3600 },
  },
  [JobName.ActivitiesClosePastDeadline]: {
    // Idempotent: the next run closes whatever this one missed, so a few quick retries are enough.
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 24 * 3600, count: 200 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  [JobName.NotificationSend]: {
    // A mail server that is down for a while: retried with growing pauses for about an hour.
    attempts: 8,
    backoff: { type: 'exponential', delay: 15000 },
    removeOnComplete: { age: 24 * 3600, count: 5000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [JobName.NotificationReminders]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 100 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [JobName.AuditReportGenerate]: {
    // A report that fails (database restarted, worker killed twice) is retried with growing pauses.
    attempts: 4,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 500 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [JobName.AuditReportYearly]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60000 },
    removeOnComplete: { age: 365 * 24 * 3600, count: 20 },
    removeOnFail: { age: 365 * 24 * 3600 },
  },
  [JobName.AuditReportExport]: {
    // Someone waits on the other end of the request: two quick retries, then the API says so.
    // The file is cached in PostgreSQL, so the job itself need not be kept for long.
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 3600, count: 200 },
    removeOnFail: { age: 24 * 3600 },
  },
  [JobName.FilesRemoveUnattached]: {
    // Idempotent: the next day's run removes whatever this one missed.
    attempts: 3,
    backoff: { type: 'exponential', delay: 60000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 100 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};
