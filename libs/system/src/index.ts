export * from './system.module';
export * from './system.processor';
export * from './system.dto';
export * from './system.refusals';
