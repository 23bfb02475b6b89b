export * from './sheets.module';
