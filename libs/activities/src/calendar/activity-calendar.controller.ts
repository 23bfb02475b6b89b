import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiFileResponse, Roles, UuidPipe } from '@trta/http';
import { ActivityCalendarService } from './activity-calendar.service';

/** One activity's own calendar event, any status (the public feed, catalogue.ics, has only open ones). */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities/:id/calendar.ics')
export class ActivityCalendarController {
  constructor(private readonly calendar: ActivityCalendarService) {}

  /** An all-day event over the activity's dates; ACTIVITY_NOT_DATED (409) while it has none. */
  @Roles('staff', 'auditor')
  @ApiFileResponse('text/calendar')
  @Get()
  async ics(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { filename, ics } = await this.calendar.event(id, `${request.protocol}://${request.host}`);
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
    return ics;
  }
}
