import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@trta/http';
import { SessionView } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';
import { ClaimAccountDto } from './claim.dto';
import { ClaimService } from './claim.service';

@ApiTags('auth')
@Controller('auth')
export class ClaimController {
  constructor(
    private readonly claims: ClaimService,
    private readonly auth: AuthService,
  ) {}

  /** A participant registered by staff sets their password with the token of their account.created email. */
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @Post('claim')
  async claim(@Body() dto: ClaimAccountDto): Promise<SessionView> {
    const user = await this.claims.claim(dto);
    return { user, ...this.auth.issue({ id: user.id, email: user.email, role: user.role, country: user.country }) };
  }
}
