import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, CurrentUser, PageQueryDto, Roles, SignedIn, type AuthUser, UuidPipe } from '@trta/http';
import { PlanHistoryView } from '../history/plan-history';
import { CreatePlanDto, PlanDetailView, PlanView, UpdatePlanDto } from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('ta-plans')
@ApiBearerAuth()
@Controller('ta-plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @SignedIn()
  @ApiPageResponse(PlanView)
  @Get()
  list(@Query() query: PageQueryDto, @CurrentUser() user: AuthUser) {
    return this.plans.list(query, user);
  }

  @Roles('staff')
  @ApiCreatedResponse({ type: PlanView })
  @Post()
  create(@Body() dto: CreatePlanDto, @CurrentUser() user: AuthUser) {
    return this.plans.create(dto, user);
  }

  @SignedIn()
  @ApiOkResponse({ type: PlanDetailView })
  @Get(':id')
  findOne(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.findDetail(id, user);
  }

  @Roles('staff')
  @ApiOkResponse({ type: PlanView })
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdatePlanDto, @CurrentUser() user: AuthUser) {
    return this.plans.update(id, dto, user);
  }

  /** Every change to the plan, its products and its results framework: who, when, what. */
  @Roles('staff', 'auditor')
  @ApiPageResponse(PlanHistoryView)
  @Get(':id/history')
  history(@Param('id', UuidPipe) id: string, @Query() query: PageQueryDto) {
    return this.plans.history(id, query);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanView })
  @Post(':id/adopt')
  adopt(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.adopt(id, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanView })
  @Post(':id/close')
  close(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.close(id, user);
  }
}
