import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '@trta/files';
import { ApiFileResponse, ApiPageResponse, CurrentUser, Roles, SignedIn, type AuthUser, RequireVerifiedEmail, UuidPipe, OneOfPipe } from '@trta/http';
import { REQUIRED_DOCUMENTS } from '@trta/sheets';
import { applicationsCsv, applicationsXlsx } from './application-export';
import {
  ActivityApplicationsPageView,
  ApplicationDossierView,
  ApplicationsBalanceView,
  ApplicationView,
  BulkDecisionsDto,
  BulkDecisionsError,
  BulkDecisionsView,
  ListActivityApplicationsQueryDto,
  ListNominationsQueryDto,
  OptionalReasonDto,
  RequiredReasonDto,
  SubmitApplicationDto,
} from './applications.dto';
import { ApplicationsService } from './applications.service';
import { DecisionsService } from './decisions.service';
import { ApplicationDraftView, SaveDraftDto } from './drafts.dto';
import { DraftsService } from './drafts.service';
import { EndorsedManyView, EndorseManyDto, ListNominationActivitiesQueryDto, NominationActivityView, RankCandidatesDto, RankedCandidatesView } from './nominations.dto';
import { NominationsService } from './nominations.service';
import { DOCUMENT_MEDIA_TYPES } from './profile.service';
import { ApplicationsReviewService } from './review.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Participation forms of an activity: the applicant submits; staff list, download and decide in bulk. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('activities/:id/applications')
export class ActivityApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: DecisionsService,
    private readonly review: ApplicationsReviewService,
    private readonly drafts: DraftsService,
  ) {}

  /** Who holds the seats by country, region, gender and LDC, beside how many applied: the balance of the selection. */
  @Roles('staff', 'auditor')
  @ApiOkResponse({ type: ApplicationsBalanceView })
  @Get('balance')
  balance(@Param('id', UuidPipe) id: string) {
    return this.review.balance(id);
  }

  /** Keeps the form as it is so far (nothing required yet), to finish later on any device; submitting deletes it. */
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationDraftView })
  @Put('draft')
  saveDraft(@Param('id', UuidPipe) id: string, @Body() dto: SaveDraftDto, @CurrentUser() user: AuthUser) {
    return this.drafts.save(id, dto, user);
  }

  @Roles('applicant')
  @HttpCode(204)
  @ApiNoContentResponse()
  @Delete('draft')
  async discardDraft(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.drafts.discard(id, user);
  }

  /** The activity must be open and before its deadline; the sheet's required documents attached; eligibility each a 422. An unconfirmed email: 403 EMAIL_NOT_VERIFIED. */
  @Roles('applicant')
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: ApplicationView })
  @Post()
  submit(@Param('id', UuidPipe) id: string, @Body() dto: SubmitApplicationDto, @CurrentUser() user: AuthUser) {
    return this.applications.submit(id, dto, user);
  }

  /** JSON pages with the seats and the waitlist order; `?format=csv|xlsx` downloads every matching application. */
  @Roles('staff', 'auditor')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  @ApiExtraModels(ActivityApplicationsPageView)
  @ApiOkResponse({
    description: 'a page of applications as JSON, or the file `?format=` asks for',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ActivityApplicationsPageView) } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @Get()
  async list(
    @Param('id', UuidPipe) id: string,
    @Query() query: ListActivityApplicationsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: AuthUser,
  ) {
    if (query.format === 'json') return this.review.list(id, query, user);
    const { activity, rows } = await this.review.all(id, query);
    const filename = `applications-${activity.code.replace(/[^A-Za-z0-9._-]/g, '_')}.${query.format}`;
    void reply.header('content-disposition', `attachment; filename="${filename}"`);
    if (query.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      return applicationsCsv(rows);
    }
    void reply.header('content-type', XLSX_TYPE);
    return applicationsXlsx(rows, activity.code);
  }

  /** Up to 500 decisions in one transaction: all applied, or none and every failing one listed in `errors`. */
  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkDecisionsView })
  @ApiBadRequestResponse({ type: BulkDecisionsError, description: 'an invalid batch (an application twice: listed in errors)' })
  @ApiConflictResponse({ type: BulkDecisionsError, description: 'no seat or a changed application: nothing was changed' })
  @ApiUnprocessableEntityResponse({ type: BulkDecisionsError, description: 'decisions a rule refuses: nothing was changed' })
  @Post('decisions')
  decide(@Param('id', UuidPipe) id: string, @Body() dto: BulkDecisionsDto, @CurrentUser() user: AuthUser) {
    return this.decisions.decideMany(id, dto, user);
  }
}

/** One application: read by whoever may see it; withdrawn by its applicant; nominated; decided by staff. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications/:id')
export class ApplicationController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: DecisionsService,
    private readonly review: ApplicationsReviewService,
  ) {}

  /** What staff read to decide: the applicant's languages, the nominating focal point, earlier participations and PLS level reached. */
  @Roles('staff', 'auditor')
  @ApiOkResponse({ type: ApplicationDossierView })
  @Get('dossier')
  dossier(@Param('id', UuidPipe) id: string) {
    return this.review.dossier(id);
  }

  /** The applicant, staff, auditors and the focal points of its country; a 404 for anyone else. */
  @SignedIn()
  @ApiOkResponse({ type: ApplicationView })
  @Get()
  get(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.applications.findVisible(id, user);
  }

  @SignedIn()
  @ApiFileResponse(...DOCUMENT_MEDIA_TYPES)
  @Get('documents/:kind')
  async document(
    @Param('id', UuidPipe) id: string,
    @Param('kind', new OneOfPipe(REQUIRED_DOCUMENTS)) kind: string,
    @CurrentUser() user: AuthUser,
  ) {
    const file = await this.applications.openDocument(id, kind, user);
    return new StreamableFile(file.content, { type: file.mediaType, disposition: attachmentDisposition(file.filename), length: file.sizeBytes });
  }

  /** Before the activity starts; a freed seat goes to the first of the waitlist. */
  @Roles('applicant')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @Post('withdraw')
  withdraw(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.decisions.withdraw(id, user);
  }

  @Roles('focal_point')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @Post('endorse')
  endorse(@Param('id', UuidPipe) id: string, @Body() dto: OptionalReasonDto, @CurrentUser() user: AuthUser) {
    return this.decisions.nominate(id, 'endorse', dto.reason, user);
  }

  @Roles('focal_point')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @Post('decline')
  decline(@Param('id', UuidPipe) id: string, @Body() dto: RequiredReasonDto, @CurrentUser() user: AuthUser) {
    return this.decisions.nominate(id, 'decline', dto.reason, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @Post('select')
  select(@Param('id', UuidPipe) id: string, @Body() dto: OptionalReasonDto, @CurrentUser() user: AuthUser) {
    return this.decisions.decide(id, 'select', dto.reason, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @Post('waitlist')
  waitlist(@Param('id', UuidPipe) id: string, @Body() dto: OptionalReasonDto, @CurrentUser() user: AuthUser) {
    return this.decisions.decide(id, 'waitlist', dto.reason, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @Post('reject')
  reject(@Param('id', UuidPipe) id: string, @Body() dto: RequiredReasonDto, @CurrentUser() user: AuthUser) {
    return this.decisions.decide(id, 'reject', dto.reason, user);
  }
}

/** A focal point's queue of applications from their country awaiting (or past) nomination. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly nominations: NominationsService,
  ) {}

  /** Activities that need the country's nominations, soonest first, with the quota used and left. */
  @Roles('focal_point')
  @ApiPageResponse(NominationActivityView)
  @Get('activities')
  activities(@Query() query: ListNominationActivitiesQueryDto, @CurrentUser() user: AuthUser) {
    return this.nominations.activities(user, query);
  }

  /** The country's candidates to an activity with their dossiers, in the focal point's rank order. */
  @Roles('focal_point')
  @ApiOkResponse({ type: RankedCandidatesView })
  @Get('activities/:activityId/candidates')
  candidates(@Param('activityId', UuidPipe) activityId: string, @CurrentUser() user: AuthUser) {
    return this.nominations.candidates(activityId, user);
  }

  /** Ranks the country's candidates, first preferred first (staff see the rank when they select). */
  @Roles('focal_point')
  @ApiOkResponse({ type: RankedCandidatesView })
  @Put('activities/:activityId/ranking')
  rank(@Param('activityId', UuidPipe) activityId: string, @Body() dto: RankCandidatesDto, @CurrentUser() user: AuthUser) {
    return this.nominations.rank(activityId, dto, user);
  }

  /** Several endorsements at once, with one note: all applied, or none (the quota is checked by the database). */
  @Roles('focal_point')
  @HttpCode(200)
  @ApiOkResponse({ type: EndorsedManyView })
  @Post('endorse')
  endorseMany(@Body() dto: EndorseManyDto, @CurrentUser() user: AuthUser) {
    return this.nominations.endorseMany(dto, user);
  }

  @Roles('focal_point')
  @ApiPageResponse(ApplicationView)
  @Get()
  list(@Query() query: ListNominationsQueryDto, @CurrentUser() user: AuthUser) {
    return this.applications.listNominations(user, query);
  }
}
