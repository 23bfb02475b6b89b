import { Module } from '@nestjs/common';

/** National TA requests from focal points, their review and scheduling (issue 7). */
@Module({})
export class RequestsModule {}
