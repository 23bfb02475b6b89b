export * from './matrix.module';
