export * from './notification-kind';
export * from './notifications.module';
export * from './notifications.service';
export * from './templates';
