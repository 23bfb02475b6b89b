import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '@trta/http';
import { ActivitySearchQueryDto } from './activity-search.dto';
import { ActivitySearchService } from './activity-search.service';

/** The list half of /api/activities; the single activity (GET /api/activities/:id) lives in @trta/activities. */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitySearchController {
  constructor(private readonly search: ActivitySearchService) {}

  @SignedIn()
  @Get()
  list(@Query() query: ActivitySearchQueryDto) {
    return this.search.search(query);
  }
}
