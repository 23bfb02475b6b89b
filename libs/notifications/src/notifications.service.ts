import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobQueue } from '@trta/queues';
import { NotificationRequest } from './notification-kind';
import { renderNotification } from './templates';

const ERASED = '[erased]';

/**
 * Queues an email. The outbox row is written in the caller's transaction, so it exists exactly
 * when the decision it reports does; the send happens later in the worker, and a failed send
 * never touches the decision. Call `dispatch` with the returned ids after the transaction commits.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly jobs: JobQueue) {}

  async queue(manager: EntityManager, request: NotificationRequest): Promise<string | null> {
    const [recipient] = (await manager.query(
      `SELECT u.email, u.locale, u.deleted_at AS "deletedAt" FROM users u WHERE u.id = $1`,
      [request.userId],
    )) as { email: string; locale: 'en' | 'fr' | 'es'; deletedAt: Date | null }[];
    if (!recipient || recipient.deletedAt) return null;
    const { subject, body } = renderNotification(request.kind, recipient.locale, request.params);
    const dedupKey = request.dedupKey ?? `${request.kind}:${request.applicationId ?? '-'}:${request.userId}`;
    const rows = (await manager.query(
      `INSERT INTO notifications (user_id, application_id, kind, locale, to_email, subject, body, dedup_key, params)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
      [request.userId, request.applicationId ?? null, request.kind, recipient.locale, recipient.email, subject, body, dedupKey, JSON.stringify(request.params)],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /**
   * An applicant's erasure: messages to the person, and those about them to focal points (which
   * name them), lose their text; the person's queued ones are never sent. In the caller's transaction.
   */
  async eraseFor(manager: EntityManager, applicantId: string, anonymousEmail: string): Promise<void> {
    await manager.query(
      `UPDATE notifications SET to_email = CASE WHEN user_id = $1 THEN $2 ELSE to_email END, body = $3, params = NULL,
         status = CASE WHEN status = 'queued' AND user_id = $1 THEN 'failed' ELSE status END,
         last_error = CASE WHEN status = 'queued' AND user_id = $1 THEN 'the recipient deleted their account' ELSE last_error END
       WHERE user_id = $1 OR application_id IN (SELECT id FROM applications WHERE applicant_id = $1)`,
      [applicantId, anonymousEmail, ERASED],
    );
  }

  /**
   * Hands queued notifications to the worker, after the caller's commit. Never throws and never
   * waits on Redis longer than QUEUE_ADD_TIMEOUT_MS: when Redis does not take a job, the rest are
   * left too and the worker's relay (NotificationsRelay) queues them all. Safe to call twice.
   */
  async dispatch(ids: ReadonlyArray<string | null>): Promise<void> {
    for (const id of ids) {
      if (id && !(await this.jobs.addAfterCommit(JobName.NotificationSend, { notificationId: id }, { jobId: notificationJobId(id) }))) return;
    }
  }
}

/** The one name of a notification's send job: the row's own id, so the relay and the API never make two. */
export const notificationJobId = (notificationId: string) => `notification-${notificationId}`;
