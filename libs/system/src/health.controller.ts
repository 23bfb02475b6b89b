import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@trta/http';
import { pingRedis, REDIS_URL } from '@trta/queues';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_URL) private readonly redisUrl: string,
  ) {}

  /** Liveness and readiness: 200 with status ok when PostgreSQL and Redis answer, else 503. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      async () => {
        const indicator = this.indicators.check('redis');
        const url = new URL(this.redisUrl);
        return (await pingRedis(Number(url.port || 6379), url.hostname)) ? indicator.up() : indicator.down();
      },
    ]);
  }
}
