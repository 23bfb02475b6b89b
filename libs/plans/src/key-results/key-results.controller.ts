import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, CurrentUser, Roles, SignedIn, type AuthUser, UuidPipe, IntPipe } from '@trta/http';
import { ActualDto, CreateIndicatorDto, CreateKeyResultDto, IndicatorActualView, IndicatorView, KeyResultView } from './key-results.dto';
import { KeyResultsService } from './key-results.service';

@ApiTags('ta-plans')
@ApiBearerAuth()
@Controller('ta-plans/:id')
export class KeyResultsController {
  constructor(private readonly keyResults: KeyResultsService) {}

  @SignedIn()
  @ApiPageResponse(KeyResultView, 'the whole framework in one page')
  @Get('key-results')
  list(@Param('id', UuidPipe) planId: string) {
    return this.keyResults.list(planId);
  }

  @Roles('staff')
  @ApiCreatedResponse({ type: KeyResultView })
  @Post('key-results')
  create(@Param('id', UuidPipe) planId: string, @Body() dto: CreateKeyResultDto, @CurrentUser() user: AuthUser) {
    return this.keyResults.create(planId, dto, user);
  }

  @Roles('staff')
  @ApiCreatedResponse({ type: IndicatorView })
  @Post('key-results/:keyResultId/indicators')
  addIndicator(
    @Param('id', UuidPipe) planId: string,
    @Param('keyResultId', UuidPipe) keyResultId: string,
    @Body() dto: CreateIndicatorDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.keyResults.addIndicator(planId, keyResultId, dto, user);
  }

  @Roles('staff')
  @ApiOkResponse({ type: IndicatorActualView })
  @Put('indicators/:indicatorId/actuals/:year')
  putActual(
    @Param('id', UuidPipe) planId: string,
    @Param('indicatorId', UuidPipe) indicatorId: string,
    @Param('year', IntPipe) year: number,
    @Body() dto: ActualDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.keyResults.putActual(planId, indicatorId, year, dto, user);
  }
}
