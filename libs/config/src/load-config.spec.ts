import { ConfigValidationError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig({ PORT: '4000', WORKER_IN_PROCESS: 'true' });
    expect(config.PORT).toBe(4000);
    expect(config.WORKER_IN_PROCESS).toBe(true);
    expect(config.DATABASE_NAME).toBe('trta');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable without printing its value', () => {
    const secret = 'short-secret-value';
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', JWT_SECRET: secret, DATABASE_URL: 'mysql://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('JWT_SECRET');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain(secret);
    expect(message).not.toContain('mysql://x');
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
  });
});
