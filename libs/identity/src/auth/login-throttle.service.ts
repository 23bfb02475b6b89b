import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@trta/config';
import { DomainException } from '@trta/http';
import { IdentityRefusals } from '../identity.refusals';
import { REDIS_URL } from '@trta/queues';

/**
 * Counts failed sign-ins per email and client address in Redis, so every API replica sees the
 * same count; past the limit the pair is refused with 429 until the window passes.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS_URL) redisUrl: string, config: AppConfig) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false });
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${config.QUEUE_PREFIX}:login-failures`,
      points: config.LOGIN_MAX_FAILURES,
      duration: config.LOGIN_FAILURE_WINDOW_SECONDS,
      blockDuration: config.LOGIN_FAILURE_WINDOW_SECONDS,
    });
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const state = await this.limiter.get(this.key(email, ip));
    if (state && state.remainingPoints <= 0) this.refuse(state);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.limiter.consume(this.key(email, ip)).catch((state: unknown) => {
      if (state instanceof RateLimiterRes) return; // the next attempt is refused by assertAllowed
      throw state;
    });
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.limiter.delete(this.key(email, ip));
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private key(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  private refuse(state: RateLimiterRes): never {
    const retryAfter = Math.ceil(state.msBeforeNext / 1000);
    throw new DomainException(
      IdentityRefusals.TOO_MANY_SIGN_IN_ATTEMPTS,
      `Too many failed sign-in attempts; try again in ${retryAfter} seconds`,
      { retryAfterSeconds: retryAfter },
      { retryAfterSeconds: retryAfter },
    );
  }
}
