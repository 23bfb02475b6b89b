import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { attachmentDisposition } from '@trta/files';
import { ApiFileResponse, ApiListResponse, ApiPageResponse, CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { RequestDecisionsService, ScheduledRequest } from './decisions.service';
import {
  ApproveRequestDto,
  CreateRequestDto,
  ListRequestsQueryDto,
  RejectRequestDto,
  RequestHistoryView,
  RequestSummary,
  RequestView,
  ReviewContext,
  ScheduleRequestDto,
  UpdateRequestDto,
} from './requests.dto';
import { LETTER_MEDIA_TYPES, RequestsService } from './requests.service';

/**
 * National TA requests (DESIGN section 5). A focal point acts only on their own country's
 * requests: another country's is a 404, as if it did not exist.
 */
@ApiTags('requests')
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly decisions: RequestDecisionsService,
  ) {}

  /**
   * multipart/form-data: the fields of the form (topics and contacts as JSON arrays; topics may
   * also be comma-separated codes) and one file part, the official letter (PDF, DOCX, PNG or JPEG).
   */
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateRequestDto, description: 'plus one file part: the official letter' })
  @Roles('focal_point')
  @ApiCreatedResponse({ type: RequestView })
  @Post()
  create(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser) {
    return this.requests.create(request, user);
  }

  @Roles('focal_point', 'staff')
  @ApiPageResponse(RequestSummary)
  @Get()
  list(@Query() query: ListRequestsQueryDto, @CurrentUser() user: AuthUser) {
    return this.requests.list(query, user);
  }

  @Roles('focal_point', 'staff')
  @ApiOkResponse({ type: RequestView })
  @Get(':id')
  get(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.requests.get(id, user);
  }

  @Roles('focal_point', 'staff')
  @ApiListResponse(RequestHistoryView, 'oldest first')
  @Get(':id/history')
  history(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.requests.history(id, user);
  }

  @Roles('focal_point', 'staff')
  @ApiFileResponse(...LETTER_MEDIA_TYPES)
  @Get(':id/official-letter')
  async letter(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const file = await this.requests.officialLetter(id, user);
    return new StreamableFile(file.content, { type: file.mediaType, disposition: attachmentDisposition(file.filename), length: file.sizeBytes });
  }

  /** The request with the country's history, LDC status and national activities against the plan's ceiling. */
  @Roles('staff')
  @ApiOkResponse({ type: ReviewContext })
  @Get(':id/review-context')
  reviewContext(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.decisions.context(id, user);
  }

  @Roles('focal_point')
  @ApiOkResponse({ type: RequestView })
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateRequestDto, @CurrentUser() user: AuthUser) {
    return this.requests.update(id, dto, user);
  }

  @Roles('focal_point')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestView })
  @Post(':id/withdraw')
  withdraw(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.requests.withdraw(id, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestView })
  @Post(':id/review')
  review(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.decisions.review(id, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestView })
  @Post(':id/approve')
  approve(@Param('id', UuidPipe) id: string, @Body() dto: ApproveRequestDto, @CurrentUser() user: AuthUser) {
    return this.decisions.approve(id, dto, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestView })
  @Post(':id/reject')
  reject(@Param('id', UuidPipe) id: string, @Body() dto: RejectRequestDto, @CurrentUser() user: AuthUser) {
    return this.decisions.reject(id, dto, user);
  }

  /** Creates the planned national activity; 201 with the request and the activity. */
  @Roles('staff')
  @ApiCreatedResponse({ type: ScheduledRequest })
  @Post(':id/schedule')
  schedule(@Param('id', UuidPipe) id: string, @Body() dto: ScheduleRequestDto, @CurrentUser() user: AuthUser) {
    return this.decisions.schedule(id, dto, user);
  }
}
