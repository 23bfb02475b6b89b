export * from './activities.module';
