export * from './plans.module';
