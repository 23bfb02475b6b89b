import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesService } from './activities/activities.service';
import { ActivityCalendarController } from './calendar/activity-calendar.controller';
import { ActivityCalendarService } from './calendar/activity-calendar.service';
import { BackToOfficeReportController } from './back-to-office/back-to-office-report.controller';
import { BackToOfficeReportService } from './back-to-office/back-to-office-report.service';
import { ActivityCloneParts } from './clone/activity-clone-parts';
import { CloneController } from './clone/clone.controller';
import { CloneService } from './clone/clone.service';
import { ActivityImportController } from './import/activity-import.controller';
import { ActivityImportService } from './import/activity-import.service';
import { LifecycleController } from './lifecycle/lifecycle.controller';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { ActivitiesProcessor } from './scheduling/activities.processor';
import { ActivitiesScheduler } from './scheduling/activities.scheduler';
import { SchedulingService } from './scheduling/scheduling.service';
import { ActivitySearchController } from './search/activity-search.controller';
import { ActivitySearchService } from './search/activity-search.service';

/** Activities of the products matrix: search, CSV import, cloning, scheduling, lifecycle and back-to-office reports (issue 3). */
@Module({
  controllers: [
    ActivitiesController,
    ActivitySearchController,
    LifecycleController,
    BackToOfficeReportController,
    ActivityImportController,
    CloneController,
    ActivityCalendarController,
  ],
  providers: [
    ActivitiesService,
    ActivitySearchService,
    ActivityImportService,
    CloneService,
    ActivityCloneParts,
    LifecycleService,
    SchedulingService,
    BackToOfficeReportService,
    ActivityCalendarService,
  ],
  exports: [ActivitiesService, ActivitySearchService, ActivityImportService, CloneService, ActivityCloneParts, LifecycleService, BackToOfficeReportService],
})
export class ActivitiesModule {}

/** The worker side of activities: closes calls whose deadline passed, every 15 minutes. */
@Module({
  providers: [ActivitiesService, LifecycleService, SchedulingService, ActivitiesProcessor, ActivitiesScheduler],
  exports: [ActivitiesProcessor],
})
export class ActivitiesWorkerModule {}
