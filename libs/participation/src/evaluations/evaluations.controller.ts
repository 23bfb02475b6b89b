import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, CurrentUser, PageQueryDto, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { ActivityEvaluationResultsView, ActivityEvaluationView, EvaluationDto, EvaluationView, FollowUpDto, TestScoresDto } from './evaluations.dto';
import { EvaluationsService } from './evaluations.service';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller()
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  /** The participant after attending (satisfaction, relevance, comments: test scores are staff's), or staff typing in a paper form; once per application. */
  @Roles('applicant', 'staff')
  @HttpCode(201)
  @ApiCreatedResponse({ type: EvaluationView })
  @Post('applications/:id/evaluation')
  submit(@Param('id', UuidPipe) id: string, @Body() dto: EvaluationDto, @CurrentUser() user: AuthUser) {
    return this.evaluations.submit(id, dto, user);
  }

  /** Staff enter the test scores (0-100; out of range is a 400, not clamped); the participant never types them. */
  @Roles('staff')
  @ApiOkResponse({ type: EvaluationView })
  @Put('applications/:id/evaluation/test-scores')
  testScores(@Param('id', UuidPipe) id: string, @Body() dto: TestScoresDto, @CurrentUser() user: AuthUser) {
    return this.evaluations.testScores(id, dto, user);
  }

  /** The participant's later answer, once asked (months after the activity): did they apply what they learned? */
  @Roles('applicant')
  @ApiOkResponse({ type: EvaluationView })
  @Patch('applications/:id/evaluation/follow-up')
  followUp(@Param('id', UuidPipe) id: string, @Body() dto: FollowUpDto, @CurrentUser() user: AuthUser) {
    return this.evaluations.followUp(id, dto, user);
  }

  @Roles('staff', 'auditor')
  @ApiOkResponse({ type: ActivityEvaluationResultsView })
  @Get('activities/:id/evaluations')
  results(@Param('id', UuidPipe) id: string) {
    return this.evaluations.results(id);
  }

  /** Each evaluation of the activity with its participant's name, a page at a time (by name): where staff enter test scores. */
  @Roles('staff')
  @ApiPageResponse(ActivityEvaluationView)
  @Get('activities/:id/evaluations/responses')
  responses(@Param('id', UuidPipe) id: string, @Query() query: PageQueryDto) {
    return this.evaluations.ofActivity(id, query);
  }
}
