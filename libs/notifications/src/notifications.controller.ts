import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ApiPageResponse, decodeCursor, type Page, PageQueryDto, Roles, toPage } from '@trta/http';
import { NotificationKind } from './notification-kind';
import { redactSecrets } from './templates';

const STATUSES = ['queued', 'sent', 'outbox', 'failed'] as const;
/** The languages notifications are written in (the identity library's LOCALES). */
const LOCALES = ['en', 'fr', 'es'] as const;

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, enumName: 'NotificationStatus' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: NotificationKind, enumName: 'NotificationKind' })
  @IsOptional()
  @IsIn(Object.values(NotificationKind))
  kind?: NotificationKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the recipient\'s account; null once erased' })
  userId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  applicationId!: string | null;

  @ApiProperty({ enum: NotificationKind, enumName: 'NotificationKind' })
  kind!: NotificationKind;

  @ApiProperty({ enum: LOCALES, enumName: 'Language' })
  locale!: (typeof LOCALES)[number];

  @ApiProperty({ format: 'email' })
  toEmail!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ description: 'the message; one-time links show as sent, never as the link' })
  body!: string;

  @ApiProperty({ enum: STATUSES, enumName: 'NotificationStatus', description: 'outbox: kept for staff to read, no SMTP server configured' })
  status!: (typeof STATUSES)[number];

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  processedAt!: Date | null;
}

/** The outbox: every notification the product queued, and what became of it. Newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles('staff')
  @ApiPageResponse(NotificationView)
  @Get()
  async list(@Query() query: ListNotificationsQueryDto): Promise<Page<NotificationView>> {
    const params: unknown[] = [query.status ?? null, query.kind ?? null, query.userId ?? null, query.applicationId ?? null, query.limit + 1];
    let after = '';
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      params.push(createdAt, id);
      after = 'AND (n.created_at, n.id) < ($6::timestamptz, $7::uuid)';
    }
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.user_id AS "userId", n.application_id AS "applicationId", n.kind, n.locale, n.to_email AS "toEmail",
              n.subject, n.body, n.status, n.attempts, n.last_error AS "lastError", n.created_at AS "createdAt",
              n.processed_at AS "processedAt", n.created_at::text AS "sortKey"
       FROM notifications n
       WHERE ($1::text IS NULL OR n.status = $1) AND ($2::text IS NULL OR n.kind = $2)
         AND ($3::uuid IS NULL OR n.user_id = $3) AND ($4::uuid IS NULL OR n.application_id = $4) ${after}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
      params,
    )) as (NotificationView & { sortKey?: string })[];
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    // One-time links (claim, verification, reset) went to the recipient only; staff see that one was sent.
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...notification }) => ({ ...notification, body: redactSecrets(notification.body) })) };
  }
}
