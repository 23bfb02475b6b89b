import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AppConfig, projectRoot } from '@trta/config';

/** The key tokens are signed with: JWT_SECRET, or outside production one generated once under DATA_DIR. */
export class JWT_SECRET {
  /**
   * The secret as a key object, made once: given the string, jsonwebtoken would first try it as
   * a PEM public key and then make a secret key of it on every request (issue 16's profile).
   */
  readonly key: KeyObject;

  constructor(readonly value: string) {
    this.key = createSecretKey(Buffer.from(value, 'utf8'));
  }

  /** `key` typed as @nestjs/jwt's verify option declares it (string | Buffer); jsonwebtoken takes a KeyObject as is. */
  get verificationKey(): Buffer {
    return this.key as unknown as Buffer;
  }

  static fromConfig(config: AppConfig): JWT_SECRET {
    if (config.JWT_SECRET) return new JWT_SECRET(config.JWT_SECRET);
    const dir = isAbsolute(config.DATA_DIR) ? config.DATA_DIR : join(projectRoot(), config.DATA_DIR);
    const file = join(dir, 'jwt-secret');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    }
    return new JWT_SECRET(readFileSync(file, 'utf8').trim());
  }
}
