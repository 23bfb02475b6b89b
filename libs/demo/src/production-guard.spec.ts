import { assertNotProduction } from './production-guard';

describe('seed:demo in production', () => {
  it('refuses NODE_ENV=production and runs elsewhere', () => {
    expect(() => assertNotProduction('production')).toThrow(/refuses to run with NODE_ENV=production/);
    expect(() => assertNotProduction('development')).not.toThrow();
    expect(() => assertNotProduction('test')).not.toThrow();
  });
});
