import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import {
  AttendDto,
  BulkAttendanceDto,
  BulkCompletionDto,
  BulkParticipationView,
  EveryoneAttendedDto,
  ParticipationRecordsError,
  ParticipationView,
} from './attendance.dto';
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
  attend(@Param('id', UuidPipe) id: string, @Body() dto: AttendDto, @CurrentUser() user: AuthUser) {
    return this.attendance.attend(id, dto.attendedDays, user);
  }

  /** attended → completed: issues the certificate and its verification code. */
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationView })
  @Post('applications/:id/complete')
  complete(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.attendance.complete(id, user);
  }

  /** selected → no_show. */
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationView })
  @Post('applications/:id/no-show')
  noShow(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.attendance.noShow(id, user);
  }

  /** selected → attended for many participants of the activity, each with their days: all, or none (409 listing each refused one). */
  @HttpCode(200)
  @ApiOkResponse({ type: BulkParticipationView })
  @ApiConflictResponse({ type: ParticipationRecordsError, description: 'a refused record (nothing was changed), or the activity has not started' })
  @Post('activities/:id/attendance')
  attendMany(@Param('id', UuidPipe) id: string, @Body() dto: BulkAttendanceDto) {
    return this.attendance.attendMany(id, dto.records);
  }

  /** Everyone still selected was present: selected → attended, each for the days given (default: the whole activity). */
  @HttpCode(200)
  @ApiOkResponse({ type: BulkParticipationView })
  @Post('activities/:id/attendance/everyone')
  attendEveryone(@Param('id', UuidPipe) id: string, @Body() dto: EveryoneAttendedDto) {
    return this.attendance.attendEveryone(id, dto.attendedDays);
  }

  /** attended → completed with a certificate each: the applications named, or everyone who qualifies; all, or none. */
  @HttpCode(200)
  @ApiOkResponse({ type: BulkParticipationView })
  @ApiConflictResponse({ type: ParticipationRecordsError, description: 'a refused record (nothing was changed), or the activity has not ended' })
  @Post('activities/:id/completions')
  completeMany(@Param('id', UuidPipe) id: string, @Body() dto: BulkCompletionDto) {
    return this.attendance.completeMany(id, dto.applicationIds);
  }
}
