import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, Roles, SignedIn } from '@trta/http';
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
  create(@Body() dto: CreatePlanDto) {
    return this.plans.create(dto);
  }

  @SignedIn()
  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string) {
    return this.plans.findDetail(id);
  }

  @Roles('staff')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(id, dto);
  }

  @Roles('staff')
  @HttpCode(200)
  @Post(':id/adopt')
  adopt(@Param('id', ParseUUIDPipe) id: string) {
    return this.plans.adopt(id);
  }

  @Roles('staff')
  @HttpCode(200)
  @Post(':id/close')
  close(@Param('id', ParseUUIDPipe) id: string) {
    return this.plans.close(id);
  }
}
