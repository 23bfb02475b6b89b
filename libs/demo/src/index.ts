export * from './demo-plan';
