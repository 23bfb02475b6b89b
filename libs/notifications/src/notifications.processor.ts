import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { ACTIVITY_FIELDS, SCHEDULED_STATUSES, statusIn } from '@trta/activities';
import { AppConfig } from '@trta/config';
import { returnedRows, selectList } from '@trta/database';
import { JobHandlers, JobName, JobProcessor, QueueName } from '@trta/queues';
import { NotificationKind } from './notification-kind';
import { NotificationsService } from './notifications.service';

interface QueuedNotification {
  id: string;
  status: string;
  toEmail: string;
  subject: string;
  body: string;
}

/**
 * Sends queued notifications: through SMTP when SMTP_URL is set, else keeps them in the outbox
 * table for staff to read. A send that keeps failing ends as `failed` with its error; the
 * decision it reports was committed long before and is never touched.
 */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends JobProcessor {
  private readonly logger = new Logger('Notifications');
  private readonly transport: Transporter | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {
    super();
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  readonly handlers: JobHandlers = {
    [JobName.NotificationSend]: (job) => this.send(job),
    // The daily job: reminders before activities, and the follow-up question months after them.
    [JobName.NotificationReminders]: async () => {
      const reminders = await this.queueReminders();
      const followUps = await this.queueFollowUps();
      return { queued: reminders.queued + followUps.queued };
    },
  };

  private async send(job: Job<{ notificationId: string }>): Promise<{ status: 'sent' | 'outbox' | 'skipped' }> {
    const [notification] = returnedRows<QueuedNotification>(await this.dataSource.query(
      `UPDATE notifications SET attempts = attempts + 1 WHERE id = $1 AND status = 'queued'
       RETURNING id, status, to_email AS "toEmail", subject, body`,
      [job.data.notificationId],
    ));
    if (!notification) return { status: 'skipped' };
    if (!this.transport) {
      await this.mark(notification.id, 'outbox', null);
      return { status: 'outbox' };
    }
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, to: notification.toEmail, subject: notification.subject, text: notification.body });
      await this.mark(notification.id, 'sent', null);
      return { status: 'sent' };
    } catch (error) {
      const message = (error as Error).message;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn(`sending notification ${notification.id} failed (${lastAttempt ? 'giving up' : 'will retry'}): ${message}`);
      await this.dataSource.query(`UPDATE notifications SET status = $2, last_error = $3 WHERE id = $1`, [
        notification.id,
        lastAttempt ? 'failed' : 'queued',
        message.slice(0, 1000),
      ]);
      throw error;
    }
  }

  private async mark(id: string, status: 'sent' | 'outbox', error: string | null): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET status = $2, last_error = $3, processed_at = now() WHERE id = $1', [id, status, error]);
  }

  /**
   * The follow-up question, once each, to participants who evaluated an activity that ended
   * FOLLOW_UP_AFTER_DAYS days ago or more and have not answered it: a message with the link to
   * their application, where they answer (the question is not asked right after the evaluation).
   */
  async queueFollowUps(): Promise<{ queued: number }> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT ap.id, ap.applicant_id AS "userId", ${selectList(ACTIVITY_FIELDS, 'a', ['code', 'title', 'startDate'])}
         FROM evaluations e JOIN applications ap ON ap.id = e.application_id JOIN activities a ON a.id = ap.activity_id
         WHERE e.applied_in_work IS NULL AND ap.status IN ('attended', 'completed')
           AND a.end_date <= current_date - $1::int
           AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.application_id = ap.id AND n.kind = $2)
         ORDER BY a.end_date, ap.id LIMIT 5000`,
        [this.config.FOLLOW_UP_AFTER_DAYS, NotificationKind.EvaluationFollowUp],
      )) as { id: string; userId: string; code: string; title: string; startDate: string }[];
      const queued: (string | null)[] = [];
      const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
      for (const row of due) {
        queued.push(
          await this.notifications.queue(manager, {
            userId: row.userId,
            kind: NotificationKind.EvaluationFollowUp,
            applicationId: row.id,
            params: { activityCode: row.code, activityTitle: row.title, startDate: row.startDate, link: `${base}/my/applications/${row.id}#follow-up` },
          }),
        );
      }
      return queued;
    });
    await this.notifications.dispatch(ids);
    return { queued: ids.filter(Boolean).length };
  }

  /** Selected participants of activities starting within REMINDER_DAYS_BEFORE days, once each. */
  private async queueReminders(): Promise<{ queued: number }> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT ap.id, ap.applicant_id AS "userId", ${selectList(ACTIVITY_FIELDS, 'a', ['code', 'title', 'startDate'])}
         FROM applications ap JOIN activities a ON a.id = ap.activity_id
         WHERE ap.status = 'selected' AND ${statusIn('a.status', SCHEDULED_STATUSES)}
           AND a.start_date BETWEEN current_date AND current_date + $1::int`,
        [this.config.REMINDER_DAYS_BEFORE],
      )) as { id: string; userId: string; code: string; title: string; startDate: string }[];
      const queued: (string | null)[] = [];
      for (const row of due) {
        queued.push(
          await this.notifications.queue(manager, {
            userId: row.userId,
            kind: NotificationKind.ActivityReminder,
            applicationId: row.id,
            params: { activityCode: row.code, activityTitle: row.title, startDate: row.startDate },
          }),
        );
      }
      return queued;
    });
    await this.notifications.dispatch(ids);
    return { queued: ids.filter(Boolean).length };
  }
}
