import '@fastify/multipart';
import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, DomainException, HttpRefusals, Roles, type AuthUser } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import { csvText, IMPORT_COLUMNS } from './activity-csv';
import { ActivityImportView } from './activity-import.dto';
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
  async import(@Param('id', ParseUUIDPipe) planId: string, @Req() request: FastifyRequest, @CurrentUser() user: AuthUser) {
    if (!request.isMultipart()) throw new DomainException(HttpRefusals.UNSUPPORTED_MEDIA_TYPE, 'upload the CSV file as multipart/form-data');
    const file = await request.file();
    if (!file) throw new DomainException(ActivityRefusals.IMPORT_FILE_MISSING, 'the request has no file; send the CSV in the field "file"');
    const content = await file.toBuffer();
    return this.imports.import(planId, csvText(content, file.mimetype, file.filename), user);
  }
}
