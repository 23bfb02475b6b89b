import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { BackToOfficeReportView, PutBackToOfficeReportDto, RecordedParticipantsView } from './back-to-office-report.dto';
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
  find(@Param('id', UuidPipe) activityId: string) {
    return this.reports.find(activityId);
  }

  /**
   * Creates or replaces the report; only for a delivered activity (409 otherwise). The participants
   * observed may not exceed the plausible maximum, and need a note when they differ from those recorded (422).
   */
  @Roles('staff')
  @ApiOkResponse({ type: BackToOfficeReportView })
  @Put()
  put(@Param('id', UuidPipe) activityId: string, @Body() dto: PutBackToOfficeReportDto, @CurrentUser() user: AuthUser) {
    return this.reports.put(activityId, dto, user);
  }

  /** The participants recorded by gender (the form's prefill) and the most the report may say were observed. */
  @Roles('staff', 'auditor')
  @ApiOkResponse({ type: RecordedParticipantsView })
  @Get('recorded-participants')
  recorded(@Param('id', UuidPipe) activityId: string) {
    return this.reports.recorded(activityId);
  }
}
