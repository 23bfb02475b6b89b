import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiFileResponse, Public, UuidPipe } from '@trta/http';
import { PlanDocumentService } from './plan-document.service';
import { YearActivitiesQueryDto } from './publications.dto';
import { YearActivitiesService } from './year-activities.service';

/** What the secretariat publishes, for anyone without signing in. */
@ApiTags('publications')
@Public()
@Controller()
export class PublicationsController {
  constructor(
    private readonly yearActivities: YearActivitiesService,
    private readonly planDocument: PlanDocumentService,
  ) {}

  /** The year's activities grouped by product then region: `?format=pdf` (A4, for print) or `csv` (UTF-8 with BOM). */
  @ApiFileResponse('application/pdf', 'text/csv')
  @Get('publications/activities')
  async activities(@Query() query: YearActivitiesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile | string> {
    const name = `trta-activities-${query.year}`;
    if (query.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
      return this.yearActivities.csv(query.year);
    }
    const pdf = await this.yearActivities.pdf(query.year);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${name}.pdf"`, length: pdf.length });
  }

  /** The TA Plan as a document: title page, products with budgets, key results with targets and actuals, the products matrix. */
  @ApiFileResponse('application/pdf')
  @Get('ta-plans/:id/document.pdf')
  async plan(@Param('id', UuidPipe) id: string): Promise<StreamableFile> {
    const pdf = await this.planDocument.render(id);
    return new StreamableFile(pdf.content, { type: 'application/pdf', disposition: `inline; filename="${pdf.filename}"`, length: pdf.content.length });
  }
}
