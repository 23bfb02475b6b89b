import { Module } from '@nestjs/common';
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
  imports: [IdentityModule],
  controllers: [ParticipantsController, AttendanceController, CertificatesController, EvaluationsController],
  providers: [ParticipantsService, AttendanceService, CertificatesService, EvaluationsService],
  exports: [AttendanceService, CertificatesService, EvaluationsService],
})
export class ParticipationModule {}
