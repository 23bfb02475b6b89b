import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobQueue } from '@trta/queues';
import { NotificationRequest } from './notification-kind';
import { renderNotification } from './templates';

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
      `INSERT INTO notifications (user_id, application_id, kind, locale, to_email, subject, body, dedup_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
      [request.userId, request.applicationId ?? null, request.kind, recipient.locale, recipient.email, subject, body, dedupKey],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Hands queued notifications to the worker; safe to call twice (the job id is the notification id). */
  async dispatch(ids: ReadonlyArray<string | null>): Promise<void> {
    for (const id of ids) {
      if (id) await this.jobs.add(JobName.NotificationSend, { notificationId: id }, { jobId: `notification-${id}` });
    }
  }
}
