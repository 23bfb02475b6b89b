import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '@trta/http';
import { AuditReportData } from '../audit-data';
import { AUDIT_REPORT_ACTIONS, AUDIT_REPORT_STATUSES, type AuditReportAction, type AuditReportStatus } from '../audit-report.policy';

export class RequestAuditReportDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ListAuditReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;
}


export class AuditReportView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 2026 })
  year!: number;

  @ApiProperty({ description: 'the year\'s versions count from 1' })
  version!: number;

  @ApiProperty({ enum: AUDIT_REPORT_STATUSES, enumName: 'AuditReportStatus' })
  status!: AuditReportStatus;

  @ApiProperty({ description: 'percent, 0 to 100' })
  progress!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a scheduled report or once the account was erased' })
  requestedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ description: 'generation attempts so far' })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, description: 'why the last attempt failed' })
  error!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the snapshot, once completed' })
  checksum!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalizedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  finalizedBy!: string | null;

  @ApiProperty({ enum: AUDIT_REPORT_ACTIONS, enumName: 'AuditReportAction', isArray: true, description: 'what the caller may do now' })
  allowedActions!: AuditReportAction[];
}

/** A report with its figures. */
export class AuditReportDetailView extends AuditReportView {
  @ApiProperty({ type: AuditReportData, nullable: true, description: 'the snapshot once completed, else null' })
  data!: AuditReportData | null;
}
