import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@trta/config';
import { Public } from '@trta/http';
import { SessionView } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';
import { setBrowserSession } from '../auth/session-token';
import { ClaimAccountDto } from './claim.dto';
import { ClaimService } from './claim.service';

@ApiTags('auth')
@Controller('auth')
export class ClaimController {
  constructor(
    private readonly claims: ClaimService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** A participant registered by staff sets their password with the token of their account.created link. */
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @Post('claim')
  async claim(@Body() dto: ClaimAccountDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionView> {
    const user = await this.claims.claim(dto);
    const { sessionId: _sessionId, ...token } = await this.auth.issue(user.id);
    setBrowserSession(request, reply, token.accessToken, this.config);
    return { user, ...token };
  }
}
