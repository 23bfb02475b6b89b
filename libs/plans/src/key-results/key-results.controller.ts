import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, SignedIn, type AuthUser } from '@trta/http';
import { ActualDto, CreateIndicatorDto, CreateKeyResultDto } from './key-results.dto';
import { KeyResultsService } from './key-results.service';

@ApiTags('ta-plans')
@ApiBearerAuth()
@Controller('ta-plans/:id')
export class KeyResultsController {
  constructor(private readonly keyResults: KeyResultsService) {}

  @SignedIn()
  @Get('key-results')
  list(@Param('id', ParseUUIDPipe) planId: string) {
    return this.keyResults.list(planId);
  }

  @Roles('staff')
  @Post('key-results')
  create(@Param('id', ParseUUIDPipe) planId: string, @Body() dto: CreateKeyResultDto, @CurrentUser() user: AuthUser) {
    return this.keyResults.create(planId, dto, user);
  }

  @Roles('staff')
  @Post('key-results/:keyResultId/indicators')
  addIndicator(
    @Param('id', ParseUUIDPipe) planId: string,
    @Param('keyResultId', ParseUUIDPipe) keyResultId: string,
    @Body() dto: CreateIndicatorDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.keyResults.addIndicator(planId, keyResultId, dto, user);
  }

  @Roles('staff')
  @Put('indicators/:indicatorId/actuals/:year')
  putActual(
    @Param('id', ParseUUIDPipe) planId: string,
    @Param('indicatorId', ParseUUIDPipe) indicatorId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ActualDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.keyResults.putActual(planId, indicatorId, year, dto, user);
  }
}
