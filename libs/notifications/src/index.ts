export * from './notification-kind';
export * from './notifications.module';
export * from './notifications.service';
export * from './templates';
export * from './notifications.refusals';
export * from './my-notifications.service';
