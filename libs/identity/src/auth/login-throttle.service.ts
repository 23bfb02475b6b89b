import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@trta/config';
import { DomainException } from '@trta/http';
import { IdentityRefusals } from '../identity.refusals';
import { failFastRedisOptions, REDIS_URL } from '@trta/queues';

/**
 * Counts failed sign-ins per email and client address in Redis, so every API replica sees the
 * same count; past the limit the pair is refused with 429 until the window passes.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;
  private readonly logger = new Logger('LoginThrottle');

  constructor(@Inject(REDIS_URL) redisUrl: string, config: AppConfig) {
    // Redis away: commands fail at once, and the count falls back to this process (insuranceLimiter).
    this.redis = new Redis(redisUrl, { ...failFastRedisOptions(), lazyConnect: false });
    this.watchRedis();
    const limits = {
      keyPrefix: `${config.QUEUE_PREFIX}:login-failures`,
      points: config.LOGIN_MAX_FAILURES,
      duration: config.LOGIN_FAILURE_WINDOW_SECONDS,
      blockDuration: config.LOGIN_FAILURE_WINDOW_SECONDS,
    };
    this.limiter = new RateLimiterRedis({ storeClient: this.redis, ...limits, insuranceLimiter: new RateLimiterMemory(limits) });
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
    // quit() waits for Redis; a Redis that is away is simply let go.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }

  /** Says in the log when sign-in counts move to this process and back to Redis (once each way). */
  private watchRedis(): void {
    let away = false;
    const lost = (why: string) => {
      if (away) return;
      away = true;
      this.logger.warn(`Redis unreachable (${why}): failed sign-ins are counted in this process until it is back`);
    };
    this.redis.on('error', (error: Error) => lost(error.message));
    this.redis.on('end', () => lost('connection ended'));
    this.redis.on('ready', () => {
      if (away) this.logger.log('Redis is back: failed sign-ins are counted in Redis again');
      away = false;
    });
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
