import { Module } from '@nestjs/common';
import { AuditGeneratorService } from './generation/audit-generator.service';
import { AuditReportsProcessor } from './generation/audit-reports.processor';
import { AuditReportsScheduler } from './generation/audit-reports.scheduler';
import { AuditReportsController } from './reports/audit-reports.controller';
import { AuditReportsService } from './reports/audit-reports.service';

/** Technical Cooperation Audit reports: requests, reading and finalizing (API side). */
@Module({ controllers: [AuditReportsController], providers: [AuditReportsService], exports: [AuditReportsService] })
export class AuditModule {}

/** The worker side: generation on the audit-reports queue and the yearly schedule. */
@Module({ providers: [AuditReportsService, AuditGeneratorService, AuditReportsProcessor, AuditReportsScheduler] })
export class AuditWorkerModule {}
