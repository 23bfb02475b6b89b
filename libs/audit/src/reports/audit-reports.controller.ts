import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, CurrentUser, Roles, UuidPipe } from '@trta/http';
import { AuditReportDetailView, AuditReportView, ListAuditReportsQueryDto, RequestAuditReportDto } from './audit-reports.dto';
import { AuditReportsService, reportView } from './audit-reports.service';

@ApiTags('audit reports')
@ApiBearerAuth()
@Controller('audit-reports')
export class AuditReportsController {
  constructor(private readonly reports: AuditReportsService) {}

  /** 202 at once with the report queued; the same report again while that year's one is queued or running. */
  @Roles('auditor', 'admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AuditReportView })
  @Post()
  async request(@Body() dto: RequestAuditReportDto, @CurrentUser() user: AuthUser) {
    return reportView((await this.reports.request(dto.year, user.id)).report, user);
  }

  @Roles('auditor', 'admin')
  @ApiPageResponse(AuditReportView)
  @Get()
  list(@Query() query: ListAuditReportsQueryDto, @CurrentUser() user: AuthUser) {
    return this.reports.list(query, user);
  }

  /** Status and progress while it runs; the figures once completed. */
  @Roles('auditor', 'admin')
  @ApiOkResponse({ type: AuditReportDetailView })
  @Get(':id')
  find(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reports.findWithData(id, user);
  }

  @Roles('auditor')
  @HttpCode(200)
  @ApiOkResponse({ type: AuditReportView })
  @Post(':id/finalize')
  finalize(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reports.finalize(id, user);
  }
}
