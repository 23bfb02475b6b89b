import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { decodeCursor, PageQueryDto, Roles, toPage } from '@trta/http';
import { NotificationKind } from './notification-kind';

const STATUSES = ['queued', 'sent', 'outbox', 'failed'] as const;

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: NotificationKind })
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

export interface NotificationView {
  id: string;
  userId: string | null;
  applicationId: string | null;
  kind: string;
  locale: string;
  toEmail: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  processedAt: string | null;
}

/** The outbox: every notification the product queued, and what became of it. Newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles('staff')
  @Get()
  async list(@Query() query: ListNotificationsQueryDto) {
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
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...notification }) => notification) };
  }
}
