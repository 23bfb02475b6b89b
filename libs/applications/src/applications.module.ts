import { NominationsService } from './nominations.service';
import { DraftsService } from './drafts.service';
import { Module } from '@nestjs/common';
import { FilesModule } from '@trta/files';
import { IdentityModule } from '@trta/identity';
import { ApplicantErasureSteps } from './applicant-erasure-steps';
import { ActivityApplicationsController, ApplicationController, NominationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { DecisionsService } from './decisions.service';
import { MeController } from './me.controller';
import { ProfileService } from './profile.service';
import { ApplicationsReviewService } from './review.service';

/** Applicant profiles, participation forms, nominations and selection (issue 4). */
@Module({
  imports: [IdentityModule, FilesModule],
  controllers: [MeController, ActivityApplicationsController, ApplicationController, NominationsController],
  providers: [ApplicationsService, DecisionsService, ProfileService, ApplicantErasureSteps, ApplicationsReviewService, DraftsService, NominationsService],
  exports: [ApplicationsService, DecisionsService, ApplicantErasureSteps, DraftsService],
})
export class ApplicationsModule {}
