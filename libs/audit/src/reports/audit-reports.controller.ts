import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@trta/http';
import { ListAuditReportsQueryDto, RequestAuditReportDto } from './audit-reports.dto';
import { AuditReportsService } from './audit-reports.service';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('audit-reports')
export class AuditReportsController {
  constructor(private readonly reports: AuditReportsService) {}

  /** 202 at once with the report queued; the same report again while that year's one is queued or running. */
  @Roles('auditor', 'admin')
  @HttpCode(202)
  @Post()
  async request(@Body() dto: RequestAuditReportDto, @CurrentUser() user: AuthUser) {
    return (await this.reports.request(dto.year, user.id)).report;
  }

  @Roles('auditor', 'admin')
  @Get()
  list(@Query() query: ListAuditReportsQueryDto) {
    return this.reports.list(query);
  }

  /** Status and progress while it runs; the figures once completed. */
  @Roles('auditor', 'admin')
  @Get(':id')
  find(@Param('id', ParseUUIDPipe) id: string) {
    return this.reports.findWithData(id);
  }

  @Roles('auditor')
  @HttpCode(200)
  @Post(':id/finalize')
  finalize(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reports.finalize(id, user.id);
  }
}
