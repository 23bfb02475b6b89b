import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@trta/http';
import { AttendDto, ParticipationView } from './attendance.dto';
import { AttendanceService } from './attendance.service';

/** Full paths, as evaluations and certificates: the 'applications/:id' prefix is the applications library's. */
@ApiTags('applications')
@ApiBearerAuth()
@Roles('staff')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  /** selected → attended, with the days attended. */
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationView })
  @Post('applications/:id/attend')
  attend(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AttendDto, @CurrentUser() user: AuthUser) {
    return this.attendance.attend(id, dto.attendedDays, user);
  }

  /** attended → completed: issues the certificate and its verification code. */
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationView })
  @Post('applications/:id/complete')
  complete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.attendance.complete(id, user);
  }

  /** selected → no_show. */
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationView })
  @Post('applications/:id/no-show')
  noShow(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.attendance.noShow(id, user);
  }
}
