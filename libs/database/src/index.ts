export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './postgres-locator';
export * from './snake-naming.strategy';
export * from './returned-rows';
export * from './pg-errors';
export * from './table-owners';
