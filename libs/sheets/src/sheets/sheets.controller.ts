import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { PutSheetDto, SheetView } from './sheets.dto';
import { SheetsService } from './sheets.service';

/** The activity sheet staff write in the activity's languages, and publish before opening the call. */
@ApiTags('activity sheets')
@ApiBearerAuth()
@Controller('activities/:id/sheet')
export class SheetsController {
  constructor(private readonly sheets: SheetsService) {}

  @Roles('staff', 'auditor')
  @ApiOkResponse({ type: SheetView })
  @Get()
  get(@Param('id', UuidPipe) id: string) {
    return this.sheets.get(id);
  }

  @Roles('staff')
  @ApiOkResponse({ type: SheetView })
  @Put()
  put(@Param('id', UuidPipe) id: string, @Body() dto: PutSheetDto, @CurrentUser() user: AuthUser) {
    return this.sheets.put(id, dto, user);
  }

  /** Needs a complete sheet; the activity must not be closed, delivered or cancelled. */
  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: SheetView })
  @Post('publish')
  publish(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.sheets.publish(id, user);
  }
}
