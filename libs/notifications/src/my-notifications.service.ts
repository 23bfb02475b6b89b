import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type FieldMap, queryRows, selectList } from '@trta/database';
import { decodeCursor, DomainException, toPage } from '@trta/http';
import { EMAIL_ONLY_KINDS, NotificationKind, type NotificationParams } from './notification-kind';
import { NotificationRefusals } from './notifications.refusals';
import { renderNotification } from './templates';

type Language = 'en' | 'fr' | 'es';

/** One message of the person's in-app inbox: the outbox row they received. */
export interface MyNotificationRow {
  id: string;
  kind: NotificationKind;
  applicationId: string | null;
  locale: 'en' | 'fr' | 'es';
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

interface StoredNotification extends MyNotificationRow {
  params: NotificationParams | null;
}

export const MY_NOTIFICATION_FIELDS: FieldMap<MyNotificationRow> = {
  id: 'id',
  kind: 'kind',
  applicationId: 'application_id',
  locale: 'locale',
  subject: 'subject',
  body: 'body',
  createdAt: 'created_at',
  readAt: 'read_at',
};

const STORED_FIELDS: FieldMap<StoredNotification> = { ...MY_NOTIFICATION_FIELDS, params: 'params' };

/**
 * The message in `language` when it was written from params the app still has (the very template
 * the outbox used, in another language), else as the outbox holds it.
 */
function inLanguage({ params, ...row }: StoredNotification, language: Language | undefined): MyNotificationRow {
  if (!language || language === row.locale || !params) return row;
  return { ...row, ...renderNotification(row.kind, language, params), locale: language };
}

export interface MyNotificationsPage {
  items: MyNotificationRow[];
  nextCursor: string | null;
  /** How many of the person's notifications are unread, all pages together. */
  unread: number;
}

/** The person's rows of the outbox that the app shows: all but the email-only account links. */
const IN_APP = `n.user_id = $1 AND n.kind <> ALL('{${EMAIL_ONLY_KINDS.join(',')}}'::text[])`;

/**
 * The signed-in person's notifications in the app (issue 15): the very rows the outbox holds for
 * them (except the account links that prove an email address: EMAIL_ONLY_KINDS), newest first,
 * and when they read each one, shown in the interface language asked for (`lang`). Nobody reads
 * or marks another person's.
 */
@Injectable()
export class MyNotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, query: { limit: number; cursor?: string; unread?: boolean; lang?: Language }): Promise<MyNotificationsPage> {
    const params: unknown[] = [userId, query.unread ?? false, query.limit + 1];
    let after = '';
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      params.push(createdAt, id);
      after = 'AND (n.created_at, n.id) < ($4::timestamptz, $5::uuid)';
    }
    const rows = await queryRows<StoredNotification & { sortKey: string }>(
      this.dataSource.manager,
      { ...STORED_FIELDS, sortKey: 'created_at::text' },
      `SELECT ${selectList(STORED_FIELDS, 'n')}, n.created_at::text AS "sortKey"
       FROM notifications n
       WHERE ${IN_APP} AND (NOT $2::boolean OR n.read_at IS NULL) ${after}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $3`,
      params,
    );
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    return {
      items: page.items.map(({ sortKey: _sortKey, ...row }) => inLanguage(row, query.lang)),
      nextCursor: page.nextCursor,
      unread: await this.unread(userId),
    };
  }

  async unread(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS unread FROM notifications n WHERE ${IN_APP} AND n.read_at IS NULL`, [userId])) as {
      unread: number;
    }[];
    return row.unread;
  }

  /** Marks one of the person's notifications read (again: keeps the first time); 404 for any other. */
  async markRead(userId: string, id: string, language?: Language): Promise<MyNotificationRow> {
    const [row] = await queryRows(
      this.dataSource.manager,
      STORED_FIELDS,
      `UPDATE notifications n SET read_at = coalesce(read_at, now()) WHERE ${IN_APP} AND n.id = $2 RETURNING ${selectList(STORED_FIELDS)}`,
      [userId, id],
    );
    if (!row) throw new DomainException(NotificationRefusals.NOTIFICATION_NOT_FOUND, `Notification ${id} not found`, { notificationId: id });
    return inLanguage(row, language);
  }

  /** Marks every unread notification of the person read; how many it marked. */
  async markAllRead(userId: string): Promise<{ marked: number; unread: number }> {
    const rows = await queryRows(
      this.dataSource.manager,
      MY_NOTIFICATION_FIELDS,
      `UPDATE notifications n SET read_at = now() WHERE ${IN_APP} AND n.read_at IS NULL RETURNING id`,
      [userId],
      ['id'],
    );
    return { marked: rows.length, unread: await this.unread(userId) };
  }
}
