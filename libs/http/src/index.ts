export * from './access.guard';
export * from './auth.decorators';
export * from './domain.exception';
export * from './http-exception.filter';
export * from './pagination';
export * from './api-responses';
