import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@trta/config';
import { AuthUser, CurrentUser, Public, SignedIn } from '@trta/http';
import { AccountService } from '../account/account.service';
import { SessionsService } from '../sessions/sessions.service';
import {
  ChangePasswordDto,
  CurrentUserView,
  ForgotPasswordDto,
  LinkTokenDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
  ResetRequestedView,
} from '../users/users.dto';
import { UsersService } from '../users/users.service';
import { AccessToken, SessionView } from './auth.dto';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginThrottleService } from './login-throttle.service';
import { clearBrowserSession, requestToken, setBrowserSession } from './session-token';

/**
 * Sign-up, sign-in and sign-out, and the account's own links. Every sign-in answers the token
 * (for API clients, `Authorization: Bearer`) and sets the browser session: the token in an
 * HttpOnly cookie plus a readable CSRF cookie the web app repeats in `X-CSRF-Token`.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly account: AccountService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly config: AppConfig,
  ) {}

  /** Applicants sign up themselves; every other role is created by an admin. A link to confirm the email goes out. */
  @Public()
  @ApiCreatedResponse({ type: SessionView })
  @Post('register')
  async register(@Body() dto: RegisterDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionView> {
    const user = await this.users.register(dto);
    await this.account.sendVerification(user.id);
    const { sessionId: _sessionId, ...token } = await this.auth.issue(user.id);
    this.setSession(request, reply, token.accessToken);
    return { user, ...token };
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @HttpCode(200)
  @ApiOkResponse({ type: AccessToken })
  @Post('login')
  async login(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccessToken> {
    const { sessionId: _sessionId, ...token } = await this.auth.issue(user.id);
    this.setSession(request, reply, token.accessToken);
    return token;
  }

  /** Ends the session the request carries (bearer or cookie) and clears the browser's cookies; open to anyone. */
  @Public()
  @ApiNoContentResponse()
  @HttpCode(204)
  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = requestToken(request);
    const user = token ? await this.auth.verify(token.token) : null;
    if (user?.sessionId) await this.sessions.end(user.sessionId, 'sign_out');
    clearBrowserSession(request, reply, this.config);
  }

  @SignedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserView })
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.users.findView(user.id);
  }

  /** Confirms the email address with the token of the emailed link (signed in or not: the link may open on a phone). */
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  @Post('verify-email')
  async verifyEmail(@Body() dto: LinkTokenDto): Promise<void> {
    await this.account.verifyEmail(dto.token);
  }

  /** Sends the verification link again to the signed-in person's address. */
  @SignedIn()
  @ApiBearerAuth()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ResetRequestedView })
  @Post('verify-email/resend')
  async resendVerification(@CurrentUser() user: AuthUser): Promise<ResetRequestedView> {
    await this.account.sendVerification(user.id);
    return { accepted: true };
  }

  /** Sends a reset link to the address if it has an account; the answer is the same either way. */
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ResetRequestedView })
  @Post('password-reset')
  async requestReset(@Body() dto: ForgotPasswordDto, @Req() request: FastifyRequest): Promise<ResetRequestedView> {
    await this.throttle.assertResetAllowed(dto.email, request.ip);
    await this.account.requestReset(dto.email);
    return { accepted: true };
  }

  /** Sets a new password with the token of a reset link (once); every session of the account ends. */
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  @Post('password-reset/confirm')
  async resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.account.resetPassword(dto.token, dto.password);
  }

  /** Changes the signed-in person's password; their other sessions end, this one stays. */
  @SignedIn()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse()
  @Post('password')
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.account.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  private setSession(request: FastifyRequest, reply: FastifyReply, accessToken: string): void {
    setBrowserSession(request, reply, accessToken, this.config);
  }
}
