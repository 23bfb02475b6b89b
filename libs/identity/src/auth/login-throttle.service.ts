import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@trta/config';
import { DomainException } from '@trta/http';
import { IdentityRefusals } from '../identity.refusals';
import { failFastRedisOptions, REDIS_URL } from '@trta/queues';

/**
 * Counts failed sign-ins in Redis, so every API replica sees the same count: per email and
 * client address (LOGIN_MAX_FAILURES), and per address across every email
 * (LOGIN_MAX_FAILURES_PER_ADDRESS), so one address cannot try a password on many accounts.
 * Past a limit the caller is refused with 429 until the window passes. The address is the one
 * the HTTP server derived under TRUST_PROXY: a header the caller writes never changes it.
 * Reset links are limited the same way (per email, per address), so nobody floods a mailbox.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly perPair: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly resetPerEmail: RateLimiterRedis;
  private readonly resetPerAddress: RateLimiterRedis;
  private readonly logger = new Logger('LoginThrottle');

  constructor(@Inject(REDIS_URL) redisUrl: string, config: AppConfig) {
    // Redis away: commands fail at once, and each count falls back to this process (insuranceLimiter).
    this.redis = new Redis(redisUrl, { ...failFastRedisOptions(), lazyConnect: false });
    this.watchRedis();
    const window = config.LOGIN_FAILURE_WINDOW_SECONDS;
    const limiter = (name: string, points: number, duration = window) => {
      const limits = { keyPrefix: `${config.QUEUE_PREFIX}:${name}`, points, duration, blockDuration: duration };
      return new RateLimiterRedis({ storeClient: this.redis, ...limits, insuranceLimiter: new RateLimiterMemory(limits) });
    };
    this.perPair = limiter('login-failures', config.LOGIN_MAX_FAILURES);
    this.perAddress = limiter('login-failures-address', config.LOGIN_MAX_FAILURES_PER_ADDRESS);
    this.resetPerEmail = limiter('reset-requests', 3, 3600);
    this.resetPerAddress = limiter('reset-requests-address', 20, 3600);
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [pair, address] = await Promise.all([this.perPair.get(this.key(email, ip)), this.perAddress.get(ip)]);
    for (const state of [pair, address]) {
      if (state && state.remainingPoints <= 0) this.refuse(state);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.consume(this.perPair, this.key(email, ip)), this.consume(this.perAddress, ip)]);
  }

  /** A successful sign-in clears its own email's count (not the address's, which counts other emails too). */
  async reset(email: string, ip: string): Promise<void> {
    await this.perPair.delete(this.key(email, ip));
  }

  /** Counts a request for a reset link; refused with 429 past the limit for the email or the address. */
  async assertResetAllowed(email: string, ip: string): Promise<void> {
    for (const [limiter, key] of [
      [this.resetPerAddress, ip],
      [this.resetPerEmail, email.trim().toLowerCase()],
    ] as const) {
      try {
        await limiter.consume(key);
      } catch (state) {
        if (!(state instanceof RateLimiterRes)) throw state;
        const retryAfter = Math.ceil(state.msBeforeNext / 1000);
        throw new DomainException(
          IdentityRefusals.TOO_MANY_RESET_REQUESTS,
          `Too many reset links asked for; try again in ${retryAfter} seconds`,
          { retryAfterSeconds: retryAfter },
          { retryAfterSeconds: retryAfter },
        );
      }
    }
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

  private async consume(limiter: RateLimiterRedis, key: string): Promise<void> {
    await limiter.consume(key).catch((state: unknown) => {
      if (state instanceof RateLimiterRes) return; // the next attempt is refused by assertAllowed
      throw state;
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
