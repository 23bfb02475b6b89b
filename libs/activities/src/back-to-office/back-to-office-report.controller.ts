import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@trta/http';
import { BackToOfficeReportView, PutBackToOfficeReportDto } from './back-to-office-report.dto';
import { BackToOfficeReportService } from './back-to-office-report.service';

/** The responsible officer's report on a delivered activity (DESIGN sections 3 and 4). */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities/:id/back-to-office-report')
export class BackToOfficeReportController {
  constructor(private readonly reports: BackToOfficeReportService) {}

  @Roles('staff', 'auditor')
  @ApiOkResponse({ type: BackToOfficeReportView })
  @Get()
  find(@Param('id', ParseUUIDPipe) activityId: string) {
    return this.reports.find(activityId);
  }

  /** Creates or replaces the report; only for a delivered activity (409 otherwise). */
  @Roles('staff')
  @ApiOkResponse({ type: BackToOfficeReportView })
  @Put()
  put(@Param('id', ParseUUIDPipe) activityId: string, @Body() dto: PutBackToOfficeReportDto, @CurrentUser() user: AuthUser) {
    return this.reports.put(activityId, dto, user);
  }
}
