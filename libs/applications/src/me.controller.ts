import '@fastify/multipart';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiPageResponse, CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { ApplicantProfileDto } from '@trta/identity';
import { ApplicationView, ListMyApplicationsQueryDto } from './applications.dto';
import { ApplicantProfileView, PersonalDataView, UploadedFileView } from './profile.dto';
import { ApplicationsService } from './applications.service';
import { ApplicationDraftView, ApplyCheckView, ListDraftsQueryDto } from './drafts.dto';
import { DraftsService } from './drafts.service';
import { ProfileService } from './profile.service';

/** The signed-in applicant's own things: profile, personal data, account, uploads and applications. */
@ApiTags('me')
@ApiBearerAuth()
@Roles('applicant')
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly applications: ApplicationsService,
    private readonly drafts: DraftsService,
  ) {}

  @ApiOkResponse({ type: ApplicantProfileView })
  @Get('profile')
  profile(@CurrentUser() user: AuthUser) {
    return this.profiles.get(user);
  }

  /** Replaces the profile; country codes must be in the reference data (a 400 naming the field). */
  @ApiOkResponse({ type: ApplicantProfileView })
  @Put('profile')
  putProfile(@Body() dto: ApplicantProfileDto, @CurrentUser() user: AuthUser) {
    return this.profiles.put(user, dto);
  }

  /** Everything kept about the applicant, as a JSON download. */
  @ApiOkResponse({ type: PersonalDataView, description: 'downloaded as my-data.json' })
  @Get('data')
  async data(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = await this.profiles.export(user);
    void reply.header('content-disposition', 'attachment; filename="my-data.json"');
    return data;
  }

  /** Deletes the account: personal data erased, what the audit counts kept. */
  @HttpCode(204)
  @ApiNoContentResponse()
  @Delete()
  async erase(@CurrentUser() user: AuthUser): Promise<void> {
    await this.profiles.erase(user);
  }

  /** One document (PDF, PNG, JPEG or DOCX, type detected from the content) to attach to a participation form. */
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: UploadedFileView })
  @Post('files')
  upload(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser) {
    return this.profiles.upload(user, request);
  }

  /**
   * Whether the applicant's form to this activity can succeed now, else every refusal it would
   * meet (by code and params); their application when they applied, their draft when they saved one.
   */
  @ApiOkResponse({ type: ApplyCheckView })
  @Get('activities/:activityId/apply-check')
  applyCheck(@Param('activityId', UuidPipe) activityId: string, @CurrentUser() user: AuthUser) {
    return this.applications.applyCheck(activityId, user);
  }

  /** The participation forms saved and not yet submitted, last saved first. */
  @ApiPageResponse(ApplicationDraftView)
  @Get('drafts')
  myDrafts(@Query() query: ListDraftsQueryDto, @CurrentUser() user: AuthUser) {
    return this.drafts.listMine(user, query);
  }

  @ApiPageResponse(ApplicationView)
  @Get('applications')
  myApplications(@Query() query: ListMyApplicationsQueryDto, @CurrentUser() user: AuthUser) {
    return this.applications.listMine(user, query);
  }
}

