export * from './applications.module';
