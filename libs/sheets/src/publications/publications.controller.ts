import { Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiFileResponse, Public, UuidPipe } from '@trta/http';
import { CatalogueLanguageDto } from '../catalogue/catalogue.dto';
import { CatalogueCalendarService } from './catalogue-calendar.service';
import { CatalogueCalendarQueryDto } from './publications.dto';
import { SheetPdfService } from './sheet-pdf.service';

/** Scheme and host the client reached us at (behind the trusted proxy's X-Forwarded-* headers). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The public catalogue in other formats: the printable sheet and a calendar feed. */
@ApiTags('catalogue')
@Public()
@Controller()
export class PublicationsController {
  constructor(
    private readonly sheets: SheetPdfService,
    private readonly calendar: CatalogueCalendarService,
  ) {}

  /** The activity sheet as an A4 PDF in `?lang=en|fr|es` (or the activity's first language); 404 for anything not in the catalogue. */
  @ApiFileResponse('application/pdf')
  @Get('catalogue/:id/sheet.pdf')
  async sheet(@Param('id', UuidPipe) id: string, @Query() query: CatalogueLanguageDto, @Req() request: FastifyRequest): Promise<StreamableFile> {
    const pdf = await this.sheets.render(id, query.lang, originOf(request));
    return new StreamableFile(pdf.content, {
      type: 'application/pdf',
      disposition: `inline; filename="${pdf.filename}"`,
      length: pdf.content.length,
    });
  }

  /** One activity of the catalogue as an iCalendar file, to add to one's calendar; 404 when not in the catalogue or without dates. */
  @ApiFileResponse('text/calendar')
  @Get('catalogue/:id/calendar.ics')
  async event(
    @Param('id', UuidPipe) id: string,
    @Query() query: CatalogueLanguageDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { code, content } = await this.calendar.event(id, query.lang, originOf(request));
    const filename = `${code.replace(/[^A-Za-z0-9._-]/g, '_')}.ics`;
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
    return content;
  }

  /** The catalogue's activities with dates as an iCalendar feed, one all-day event each. */
  @ApiFileResponse('text/calendar')
  @Get('catalogue.ics')
  async feed(
    @Query() query: CatalogueCalendarQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const feed = await this.calendar.feed(query, originOf(request));
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="trta-open-activities.ics"');
    return feed;
  }
}
