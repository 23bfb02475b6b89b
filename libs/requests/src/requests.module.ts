import { Module } from '@nestjs/common';
import { ActivitiesModule } from '@trta/activities';
import { FilesModule } from '@trta/files';
import { RequestDecisionsService } from './decisions.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

/** National TA requests from focal points, their review and scheduling (issue 7). */
@Module({
  imports: [ActivitiesModule, FilesModule],
  controllers: [RequestsController],
  providers: [RequestsService, RequestDecisionsService],
  exports: [RequestsService, RequestDecisionsService],
})
export class RequestsModule {}
