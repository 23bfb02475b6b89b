export * from './job-processor';
export * from './job-queue.service';
export * from './jobs';
export * from './queue-name.enum';
export * from './queues.module';
export * from './redis-locator';
export * from './dashboard';
export * from './relay';
