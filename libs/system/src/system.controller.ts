import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@trta/http';
import { SystemPingService } from './system-ping.service';
import { PingView } from './system.dto';

@ApiTags('system')
@ApiBearerAuth()
@Controller('system')
export class SystemController {
  constructor(private readonly ping: SystemPingService) {}

  /** Proves a worker is running: a `system.ping` job goes through the queue and comes back. */
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PingView })
  @Post('ping')
  roundTrip() {
    return this.ping.roundTrip();
  }
}
