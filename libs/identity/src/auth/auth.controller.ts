import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public, SignedIn } from '@trta/http';
import { LoginDto, RegisterDto } from '../users/users.dto';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Applicants sign up themselves; every other role is created by an admin. */
  @Public()
  @Post('register')
  async register(@Body() dto: RegisterDto) {
    const user = await this.users.register(dto);
    return { user, ...this.auth.issue({ id: user.id, email: user.email, role: user.role, country: user.country }) };
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @HttpCode(200)
  @Post('login')
  login(@CurrentUser() user: AuthUser) {
    return this.auth.issue(user);
  }

  @SignedIn()
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.users.findView(user.id);
  }
}
