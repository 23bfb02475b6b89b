import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageQueryDto, Roles, SignedIn, type AuthUser } from '@trta/http';
import { CreatePlanDto, UpdatePlanDto } from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('ta-plans')
@ApiBearerAuth()
@Controller('ta-plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @SignedIn()
  @Get()
  list(@Query() query: PageQueryDto) {
    return this.plans.list(query);
  }

  @Roles('staff')
  @Post()
  create(@Body() dto: CreatePlanDto, @CurrentUser() user: AuthUser) {
    return this.plans.create(dto, user);
  }

  @SignedIn()
  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string) {
    return this.plans.findDetail(id);
  }

  @Roles('staff')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePlanDto, @CurrentUser() user: AuthUser) {
    return this.plans.update(id, dto, user);
  }

  /** Every change to the plan, its products and its results framework: who, when, what. */
  @Roles('staff', 'auditor')
  @Get(':id/history')
  history(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    return this.plans.history(id, query);
  }

  @Roles('staff')
  @HttpCode(200)
  @Post(':id/adopt')
  adopt(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.adopt(id, user);
  }

  @Roles('staff')
  @HttpCode(200)
  @Post(':id/close')
  close(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.close(id, user);
  }
}
