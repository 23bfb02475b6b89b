import { Module } from '@nestjs/common';
import { FilesModule } from '@trta/files';
import { AuditExportBuilder } from './exports/audit-export-builder.service';
import { AuditExportsController } from './exports/audit-exports.controller';
import { AuditExportsService } from './exports/audit-exports.service';
import { AuditGeneratorService } from './generation/audit-generator.service';
import { AuditReportsProcessor } from './generation/audit-reports.processor';
import { AuditReportsRelay } from './generation/audit-reports.relay';
import { AuditReportsScheduler } from './generation/audit-reports.scheduler';
import { AuditReportsController } from './reports/audit-reports.controller';
import { AuditReportsService } from './reports/audit-reports.service';

/** Technical Cooperation Audit reports: requests, reading, exports and finalizing (API side). */
@Module({
  imports: [FilesModule],
  controllers: [AuditReportsController, AuditExportsController],
  providers: [AuditReportsService, AuditExportsService],
  exports: [AuditReportsService],
})
export class AuditModule {}

/** The worker side: generation and exports on the audit-reports queue, the yearly schedule, and the relay of stuck reports. */
@Module({
  imports: [FilesModule],
  providers: [AuditReportsService, AuditGeneratorService, AuditExportBuilder, AuditReportsProcessor, AuditReportsScheduler, AuditReportsRelay],
})
export class AuditWorkerModule {}
