import { Global, Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRelay } from './notifications.relay';
import { NotificationsScheduler } from './notifications.scheduler';
import { NotificationsService } from './notifications.service';

/** Queues notifications in the outbox; every feature that changes an application's status uses it. */
@Global()
@Module({ controllers: [NotificationsController], providers: [NotificationsService], exports: [NotificationsService] })
export class NotificationsModule {}

/** The worker side: sends queued notifications (SMTP, or keeps them in the outbox), the daily reminders, and the outbox relay. */
@Module({ providers: [NotificationsProcessor, NotificationsScheduler, NotificationsRelay] })
export class NotificationsWorkerModule {}
