import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ActivitiesWorkerModule } from '@trta/activities';
import { AuditWorkerModule } from '@trta/audit';
import { AppConfig, ConfigModule } from '@trta/config';
import { DatabaseModule } from '@trta/database';
import { FilesWorkerModule } from '@trta/files';
import { QueuesModule } from '@trta/queues';
import { NotificationsModule, NotificationsWorkerModule } from '@trta/notifications';
import { SystemWorkerModule } from '@trta/system';

export interface WorkerModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  redisUrl: string;
}

/** The queue worker: every feature's processors, sharing the domain libraries with the API. */
@Module({})
export class WorkerModule {
  static forRoot({ config, databaseUrl, redisUrl }: WorkerModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL, name: 'worker' } }),
        DatabaseModule.forRoot(databaseUrl),
        QueuesModule.forRoot({ redisUrl, prefix: config.QUEUE_PREFIX, workers: true }),
        DiscoveryModule,
        SystemWorkerModule,
        ActivitiesWorkerModule,
        NotificationsModule,
        NotificationsWorkerModule,
        AuditWorkerModule,
        FilesWorkerModule,
      ],
    };
  }
}
