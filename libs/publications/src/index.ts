export * from './publications.module';
