import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from './app-config';
import { projectRoot } from './project-root';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Every variable the configuration reads: those with defaults, and the optional ones. */
export const CONFIG_KEYS: readonly string[] = Object.keys(new AppConfig()).concat([
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SMTP_URL',
]);

/**
 * Reads `.env` (when present) and the environment once, and validates them.
 * Problems name the variable and the rule, never the value, which may be a secret.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = join(projectRoot(), '.env')): AppConfig {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const raw: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { whitelist: true, validationError: { target: false, value: false } });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`),
    );
  }
  return Object.freeze(config);
}
