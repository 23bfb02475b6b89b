export * from './iati.module';
export * from './iati.service';
export * from './iati-codes';
