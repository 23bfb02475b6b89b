import '@fastify/multipart';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { FileRefusals } from '@trta/files';
import { CurrentUser, DomainException, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { csvText, PARTICIPANT_COLUMNS } from './participant-csv';
import { ParticipantImportView, RegisteredParticipant, RegisterParticipantDto } from './participants.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@ApiBearerAuth()
@ApiExtraModels(RegisterParticipantDto, RegisteredParticipant, ParticipantImportView)
@Controller('activities/:id/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  /**
   * Registers participants of an activity without an open call (confirmed, closed or delivered):
   * one as JSON, or many as a CSV file (multipart, field `file`), all rows or none.
   */
  @Roles('staff')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: 'the participant sent as JSON, or every participant of the CSV file',
    schema: { oneOf: [{ $ref: getSchemaPath(RegisteredParticipant) }, { $ref: getSchemaPath(ParticipantImportView) }] },
  })
  @Post()
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(RegisterParticipantDto) },
        {
          type: 'object',
          required: ['file'],
          properties: { file: { type: 'string', format: 'binary', description: `CSV columns: ${PARTICIPANT_COLUMNS.join(', ')} (languages separated by |)` } },
        },
      ],
    },
  })
  async register(
    @Param('id', UuidPipe) activityId: string,
    @Req() request: FastifyRequest,
    // Validated by the service: this route takes either a JSON participant or a multipart file.
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    if (!request.isMultipart()) return this.participants.registerOne(activityId, body, user);
    const file = await request.file();
    if (!file) throw new DomainException(FileRefusals.FILE_MISSING, 'the request has no file; send the CSV in the field "file"');
    const content = await file.toBuffer();
    return this.participants.importCsv(activityId, csvText(content, file.mimetype, file.filename), user);
  }
}
