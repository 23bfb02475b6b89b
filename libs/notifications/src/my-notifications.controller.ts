import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CurrentUser, PageQueryDto, SignedIn, type AuthUser, UuidPipe } from '@trta/http';
import { NotificationKind } from './notification-kind';
import { MyNotificationsService } from './my-notifications.service';

const LOCALES = ['en', 'fr', 'es'] as const;

export class LanguageQueryDto {
  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Language', description: 'the interface language to show the messages in (else the language each was written in)' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: (typeof LOCALES)[number];
}

export class MyNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Language', description: 'the interface language to show the messages in (else the language each was written in)' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: (typeof LOCALES)[number];

  @ApiPropertyOptional({ description: 'only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

/** One message of the person's inbox in the app: the outbox row sent to them, in the language asked for when possible. */
export class MyNotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NotificationKind, enumName: 'NotificationKind' })
  kind!: NotificationKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the application it is about, if any' })
  applicationId!: string | null;

  @ApiProperty({ enum: LOCALES, enumName: 'Language', description: 'the language of subject and body: `lang` when asked for and possible, else the account\'s at the time' })
  locale!: (typeof LOCALES)[number];

  @ApiProperty()
  subject!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the person read it in the app; null: unread' })
  readAt!: Date | null;
}

export class MyNotificationsPageView {
  @ApiProperty({ type: [MyNotificationView] })
  items!: MyNotificationView[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;

  @ApiProperty({ description: 'how many of the person\'s notifications are unread, all pages together' })
  unread!: number;
}

export class UnreadCountView {
  @ApiProperty({ description: 'how many of the person\'s notifications are unread' })
  unread!: number;
}

export class MarkedReadView extends UnreadCountView {
  @ApiProperty({ description: 'how many this call marked read' })
  marked!: number;
}

/** The signed-in person's notifications in the app (any role): newest first, with the unread count. */
@ApiTags('notifications')
@ApiBearerAuth()
@SignedIn()
@Controller()
export class MyNotificationsController {
  constructor(private readonly notifications: MyNotificationsService) {}

  @ApiOkResponse({ type: MyNotificationsPageView })
  @Get('me/notifications')
  list(@Query() query: MyNotificationsQueryDto, @CurrentUser() user: AuthUser): Promise<MyNotificationsPageView> {
    return this.notifications.list(user.id, query);
  }

  /** The header's bell: how many are unread. */
  @ApiOkResponse({ type: UnreadCountView })
  @Get('me/notifications/unread-count')
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return { unread: await this.notifications.unread(user.id) };
  }

  @ApiOkResponse({ type: MarkedReadView })
  @HttpCode(200)
  @Post('me/notifications/read')
  markAllRead(@CurrentUser() user: AuthUser): Promise<MarkedReadView> {
    return this.notifications.markAllRead(user.id);
  }

  @ApiOkResponse({ type: MyNotificationView })
  @HttpCode(200)
  @Post('me/notifications/:id/read')
  markRead(@Param('id', UuidPipe) id: string, @Query() query: LanguageQueryDto, @CurrentUser() user: AuthUser): Promise<MyNotificationView> {
    return this.notifications.markRead(user.id, id, query.lang);
  }
}
