export * from './system.module';
export * from './system.processor';
