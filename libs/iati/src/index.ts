export * from './iati.module';
