import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@trta/config';
import { AuthUser, CurrentUser, Public, SignedIn } from '@trta/http';
import { SESSION_COOKIE, sessionCookieOptions } from '@trta/queues';
import { CurrentUserView, LoginDto, RegisterDto } from '../users/users.dto';
import { UsersService } from '../users/users.service';
import { AccessToken, SessionView } from './auth.dto';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** Applicants sign up themselves; every other role is created by an admin. */
  @Public()
  @ApiCreatedResponse({ type: SessionView })
  @Post('register')
  async register(@Body() dto: RegisterDto): Promise<SessionView> {
    const user = await this.users.register(dto);
    return { user, ...this.auth.issue({ id: user.id, email: user.email, role: user.role, country: user.country }) };
  }

  /**
   * The token in the body for API clients, and the same token in an HttpOnly session cookie for
   * browser pages that cannot send a header (the queue dashboard); the API itself reads only the header.
   */
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @HttpCode(200)
  @ApiOkResponse({ type: AccessToken })
  @Post('login')
  login(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): AccessToken {
    const token = this.auth.issue(user);
    void reply.setCookie(SESSION_COOKIE, token.accessToken, this.cookieOptions());
    return token;
  }

  /** Ends the browser session; open to anyone, so an expired session can always be cleared. */
  @Public()
  @ApiNoContentResponse()
  @HttpCode(204)
  @Post('logout')
  logout(@Res({ passthrough: true }) reply: FastifyReply): void {
    const { maxAge: _maxAge, ...options } = this.cookieOptions();
    void reply.clearCookie(SESSION_COOKIE, options);
  }

  @SignedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserView })
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.users.findView(user.id);
  }

  private cookieOptions() {
    return sessionCookieOptions({ production: this.config.NODE_ENV === 'production', ttlSeconds: this.config.JWT_TTL_SECONDS });
  }
}
