import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { ActivityView } from '../activities/activities.dto';
import { CloneActivityDto } from './clone.dto';
import { CloneService } from './clone.service';

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities/:id/clone')
export class CloneController {
  constructor(private readonly cloning: CloneService) {}

  /** A planned copy in the same plan and product, with a new code and the sheet unpublished. */
  @Roles('staff')
  @ApiCreatedResponse({ type: ActivityView })
  @Post()
  clone(@Param('id', UuidPipe) id: string, @Body() dto: CloneActivityDto, @CurrentUser() user: AuthUser) {
    return this.cloning.clone(id, dto, user);
  }
}
