import { Global, Module } from '@nestjs/common';
import { MyNotificationsController } from './my-notifications.controller';
import { MyNotificationsService } from './my-notifications.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRelay } from './notifications.relay';
import { NotificationsScheduler } from './notifications.scheduler';
import { NotificationsService } from './notifications.service';

/** Queues notifications in the outbox; every feature that changes an application's status uses it. */
@Global()
@Module({
  controllers: [NotificationsController, MyNotificationsController],
  providers: [NotificationsService, MyNotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** The worker side: sends queued notifications (SMTP, or keeps them in the outbox), the daily reminders, and the outbox relay. */
@Module({ providers: [NotificationsProcessor, NotificationsScheduler, NotificationsRelay] })
export class NotificationsWorkerModule {}
