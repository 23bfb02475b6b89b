import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, CurrentUser, PageQueryDto, Roles, SignedIn, type AuthUser, UuidPipe } from '@trta/http';
import { ActivityHistoryView, ActivityView, CreateActivityDto, UpdateActivityDto } from './activities.dto';
import { ActivitiesService } from './activities.service';
import { withAllowedActions } from '../activity.policy';

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Roles('staff')
  @ApiCreatedResponse({ type: ActivityView })
  @Post()
  create(@Body() dto: CreateActivityDto, @CurrentUser() user: AuthUser) {
    return this.activities.create(dto, user);
  }

  @SignedIn()
  @ApiOkResponse({ type: ActivityView })
  @Get(':id')
  async findOne(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<ActivityView> {
    return withAllowedActions(await this.activities.findView(id), user);
  }

  /** Carries the `version` read; a 409 when someone else changed the activity since. */
  @Roles('staff')
  @ApiOkResponse({ type: ActivityView })
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateActivityDto, @CurrentUser() user: AuthUser) {
    return this.activities.update(id, dto, user);
  }

  /** Every change: who, when, what. */
  @Roles('staff', 'auditor')
  @ApiPageResponse(ActivityHistoryView)
  @Get(':id/history')
  history(@Param('id', UuidPipe) id: string, @Query() query: PageQueryDto) {
    return this.activities.history(id, query);
  }
}
