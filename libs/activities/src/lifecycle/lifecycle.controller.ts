import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { ActivityView } from '../activities/activities.dto';
import { CancelActivityDto, ConfirmActivityDto, PostponeActivityDto } from './lifecycle.dto';
import { SchedulingConflictsError } from '../scheduling/scheduling.dto';
import { LifecycleService } from './lifecycle.service';

/** The activity lifecycle (DESIGN section 3): each action is an atomic conditional status change. */
@ApiTags('activities')
@ApiBearerAuth()
@Roles('staff')
@Controller('activities/:id')
export class LifecycleController {
  constructor(private readonly lifecycle: LifecycleService) {}

  /** planned or postponed → confirmed: dates in the plan period, a venue unless remote, no unacknowledged conflicts. */
  @HttpCode(200)
  @ApiOkResponse({ type: ActivityView })
  @ApiConflictResponse({ type: SchedulingConflictsError, description: 'overlaps scheduled activities (or not in a state to confirm)' })
  @Post('confirm')
  confirm(@Param('id', UuidPipe) id: string, @Body() dto: ConfirmActivityDto, @CurrentUser() user: AuthUser) {
    return this.lifecycle.transition(id, 'confirm', user, { acknowledgeConflicts: dto.acknowledgeConflicts });
  }

  /** confirmed → open: a published sheet and a deadline in the future. */
  @HttpCode(200)
  @ApiOkResponse({ type: ActivityView })
  @Post('open')
  open(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.lifecycle.transition(id, 'open', user);
  }

  /** open → closed, by hand (the auto-close job does it when the deadline passes). */
  @HttpCode(200)
  @ApiOkResponse({ type: ActivityView })
  @Post('close')
  close(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.lifecycle.transition(id, 'close', user);
  }

  /** closed or confirmed → delivered, once the end date has passed. */
  @HttpCode(200)
  @ApiOkResponse({ type: ActivityView })
  @Post('deliver')
  deliver(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.lifecycle.transition(id, 'deliver', user);
  }

  @HttpCode(200)
  @ApiOkResponse({ type: ActivityView })
  @Post('cancel')
  cancel(@Param('id', UuidPipe) id: string, @Body() dto: CancelActivityDto, @CurrentUser() user: AuthUser) {
    return this.lifecycle.transition(id, 'cancel', user, { reason: dto.reason });
  }

  /** Back to planning; confirm again once it has new dates. */
  @HttpCode(200)
  @ApiOkResponse({ type: ActivityView })
  @Post('postpone')
  postpone(@Param('id', UuidPipe) id: string, @Body() dto: PostponeActivityDto, @CurrentUser() user: AuthUser) {
    return this.lifecycle.transition(id, 'postpone', user, { reason: dto.reason });
  }
}
