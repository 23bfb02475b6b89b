import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiFileResponse, Public, UuidPipe } from '@trta/http';
import { IatiService } from './iati.service';

@ApiTags('ta-plans')
@Controller('ta-plans/:id/iati.xml')
export class IatiController {
  constructor(private readonly iati: IatiService) {}

  /** The plan's activities as IATI 2.03 activity XML, for aid-transparency aggregators. */
  @Public()
  @ApiFileResponse('application/xml')
  @Get()
  async activities(@Param('id', UuidPipe) planId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const document = await this.iati.planActivities(planId);
    void reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `inline; filename="iati-activities-${document.planCode}.xml"`);
    return document.xml;
  }
}
