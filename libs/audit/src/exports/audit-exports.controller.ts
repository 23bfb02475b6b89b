import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, Roles, UuidPipe } from '@trta/http';
import { attachmentDisposition } from '@trta/files';
import { ExportQueryDto } from '../reports/audit-reports.dto';
import { AuditExportsService } from './audit-exports.service';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('audit-reports')
export class AuditExportsController {
  constructor(private readonly exports: AuditExportsService) {}

  /** A completed report as a download: the JSON snapshot, or a CSV, XLSX or PDF file rendered by the worker. */
  @Roles('auditor', 'admin')
  @ApiFileResponse('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @Get(':id/export')
  async export(@Param('id', UuidPipe) id: string, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.download(id, query.format);
    return new StreamableFile(file.content, { type: file.mediaType, disposition: attachmentDisposition(file.filename), length: file.content.length });
  }
}
