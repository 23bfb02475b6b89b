import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@trta/config';
import { DatabaseModule } from '@trta/database';
import { AccessGuard, HttpExceptionFilter } from '@trta/http';
import { ActivitiesModule } from '@trta/activities';
import { ApplicationsModule } from '@trta/applications';
import { AuditModule } from '@trta/audit';
import { HomeModule } from '@trta/home';
import { IatiModule } from '@trta/iati';
import { IdentityModule } from '@trta/identity';
import { MatrixModule } from '@trta/matrix';
import { NotificationsModule } from '@trta/notifications';
import { ParticipationModule } from '@trta/participation';
import { PublicationsModule } from '@trta/publications';
import { PlansModule } from '@trta/plans';
import { QueuesModule } from '@trta/queues';
import { ReferenceModule } from '@trta/reference';
import { RequestsModule } from '@trta/requests';
import { SheetsModule } from '@trta/sheets';
import { SystemModule } from '@trta/system';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  redisUrl: string;
}

const VERBOSE = new Set(['debug', 'trace']);

/**
 * The level of the line an answered request gets. A line per answered request cost the busiest
 * lists a few percent of their time (issue 16): successes are logged only at LOG_LEVEL debug or
 * trace; refusals warn, failures are errors.
 */
export function requestLogLevel(statusCode: number, logLevel: string): 'error' | 'warn' | 'info' | 'silent' {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : VERBOSE.has(logLevel) ? 'info' : 'silent';
}

/** Paths in logs that must never show a secret. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
];

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, redisUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            name: 'api',
            level: config.LOG_LEVEL,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          },
          // No pino-http middleware: it built a child logger per request, serialising and redacting
          // the request up front, through middie and an async context, for lines mostly never
          // written (issue 16). requestLog (create-api) writes the same lines from onResponse.
          forRoutes: [],
        }),
        DatabaseModule.forRoot(databaseUrl),
        QueuesModule.forRoot({ redisUrl, prefix: config.QUEUE_PREFIX }),
        SystemModule,
        ReferenceModule,
        IdentityModule,
        NotificationsModule,
        PlansModule,
        ActivitiesModule,
        SheetsModule,
        MatrixModule,
        IatiModule,
        ApplicationsModule,
        ParticipationModule,
        AuditModule,
        RequestsModule,
        PublicationsModule,
        HomeModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
