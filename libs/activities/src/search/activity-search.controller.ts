import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, CurrentUser, SignedIn, type AuthUser } from '@trta/http';
import { ActivityCountQueryDto, ActivityCountView, ActivityListItemView, ActivitySearchQueryDto } from './activity-search.dto';
import { ActivitySearchService } from './activity-search.service';

/** The list half of /api/activities; the single activity (GET /api/activities/:id) is ActivitiesController's. */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitySearchController {
  constructor(private readonly search: ActivitySearchService) {}

  @SignedIn()
  @ApiPageResponse(ActivityListItemView)
  @Get()
  list(@Query() query: ActivitySearchQueryDto, @CurrentUser() user: AuthUser) {
    return this.search.search(query, user);
  }

  /** How many activities the list's filters match (the list itself pages). */
  @SignedIn()
  @ApiOkResponse({ type: ActivityCountView })
  @Get('count')
  count(@Query() query: ActivityCountQueryDto) {
    return this.search.count(query);
  }
}
