import '@fastify/multipart';
import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiFileResponse, CurrentUser, DomainException, HttpRefusals, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import { csvText, IMPORT_COLUMNS } from './activity-csv';
import { ActivityImportCheckView, ActivityImportView } from './activity-import.dto';
import { ActivityImportService } from './activity-import.service';

@ApiTags('ta-plans')
@ApiBearerAuth()
@Controller('ta-plans/:id/activities/import')
export class ActivityImportController {
  constructor(private readonly imports: ActivityImportService) {}

  /**
   * A CSV of planned activities (one file, multipart/form-data, within the upload limit). All rows
   * or none: any bad row is a 422 listing every problem of every row.
   */
  @Roles('staff')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ActivityImportView })
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `columns: ${IMPORT_COLUMNS.join(', ')}` } } },
  })
  async import(@Param('id', UuidPipe) planId: string, @Req() request: FastifyRequest, @CurrentUser() user: AuthUser) {
    return this.imports.import(planId, await uploadedCsv(request), user);
  }

  /**
   * The same file checked as the import checks it, nothing saved: 200 with every row and its
   * problems (each with a code), so the person fixes them before importing.
   */
  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: ActivityImportCheckView })
  @Post('check')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `columns: ${IMPORT_COLUMNS.join(', ')}` } } },
  })
  async check(@Param('id', UuidPipe) planId: string, @Req() request: FastifyRequest) {
    return this.imports.check(planId, await uploadedCsv(request));
  }

  /** The CSV template: every column in order, with an example row for a product of the plan. */
  @Roles('staff')
  @ApiFileResponse('text/csv')
  @Get('template')
  async template(@Param('id', UuidPipe) planId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { filename, csv } = await this.imports.template(planId);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
    return csv;
  }
}

/** The CSV file of a multipart request (field `file`), as text. */
async function uploadedCsv(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) throw new DomainException(HttpRefusals.UNSUPPORTED_MEDIA_TYPE, 'upload the CSV file as multipart/form-data');
  const file = await request.file();
  if (!file) throw new DomainException(ActivityRefusals.IMPORT_FILE_MISSING, 'the request has no file; send the CSV in the field "file"');
  return csvText(await file.toBuffer(), file.mimetype, file.filename);
}
