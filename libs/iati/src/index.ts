export * from './iati.module';
export * from './iati.service';
export * from './iati-codes';
export * from './iati.refusals';
