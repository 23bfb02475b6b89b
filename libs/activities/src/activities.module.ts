import { Module } from '@nestjs/common';

/** Activities of the products matrix: scheduling and lifecycle (issue 3). */
@Module({})
export class ActivitiesModule {}

/** The worker side of activities (scheduled jobs). */
@Module({})
export class ActivitiesWorkerModule {}
