import { Module } from '@nestjs/common';
import { PlanDocumentService } from './plan-document.service';
import { PublicationsController } from './publications.controller';
import { YearActivitiesService } from './year-activities.service';

/** The secretariat's public publications: the year's activities and the TA Plan document (issue 7). */
@Module({
  controllers: [PublicationsController],
  providers: [YearActivitiesService, PlanDocumentService],
  exports: [YearActivitiesService, PlanDocumentService],
})
export class PublicationsModule {}
