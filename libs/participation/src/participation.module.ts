import { Module, type OnModuleInit } from '@nestjs/common';
import { ApplicantErasureSteps, ApplicationsModule } from '@trta/applications';
import { IdentityModule } from '@trta/identity';
import { AttendanceController } from './attendance/attendance.controller';
import { AttendanceService } from './attendance/attendance.service';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { EvaluationsController } from './evaluations/evaluations.controller';
import { EvaluationsService } from './evaluations/evaluations.service';
import { ParticipantsController } from './participants/participants.controller';
import { ParticipantsService } from './participants/participants.service';

/** Participants registered by staff, attendance, certificates and evaluations (issue 4). */
@Module({
  imports: [IdentityModule, ApplicationsModule],
  controllers: [ParticipantsController, AttendanceController, CertificatesController, EvaluationsController],
  providers: [ParticipantsService, AttendanceService, CertificatesService, EvaluationsService],
  exports: [AttendanceService, CertificatesService, EvaluationsService],
})
export class ParticipationModule implements OnModuleInit {
  constructor(
    private readonly erasureSteps: ApplicantErasureSteps,
    private readonly evaluations: EvaluationsService,
  ) {}

  /** An applicant who deletes their account (DELETE /api/me) loses their evaluation comments too. */
  onModuleInit(): void {
    this.erasureSteps.register((manager, applicantId) => this.evaluations.eraseComments(manager, applicantId));
  }
}
