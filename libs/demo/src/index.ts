export * from './demo-people';
export * from './demo-plan';
