export * from './requests.module';
