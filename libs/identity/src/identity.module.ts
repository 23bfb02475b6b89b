import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '@trta/config';
import { RequestAuthenticator } from '@trta/http';
import { AccountService } from './account/account.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JWT_SECRET } from './auth/jwt-secret';
import { JwtAuthenticator } from './auth/jwt-authenticator';
import { LocalStrategy } from './auth/local.strategy';
import { LoginThrottleService } from './auth/login-throttle.service';
import { ClaimController } from './claim/claim.controller';
import { ClaimService } from './claim/claim.service';
import { AccountLinksService } from './links/account-links.service';
import { SessionsService } from './sessions/sessions.service';
import { AdminBootstrapService } from './users/admin-bootstrap.service';
import { UserAdminService } from './users/user-admin.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: JWT_SECRET.fromConfig(config).value,
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ClaimController],
  providers: [
    { provide: JWT_SECRET, inject: [AppConfig], useFactory: (config: AppConfig) => JWT_SECRET.fromConfig(config) },
    AuthService,
    UsersService,
    LocalStrategy,
    JwtAuthenticator,
    // The global AccessGuard (apps/api) asks it who sent each request.
    { provide: RequestAuthenticator, useExisting: JwtAuthenticator },
    LoginThrottleService,
    AdminBootstrapService,
    ClaimService,
    SessionsService,
    AccountLinksService,
    AccountService,
    UserAdminService,
  ],
  exports: [UsersService, AdminBootstrapService, SessionsService, AccountLinksService, AuthService, RequestAuthenticator],
})
export class IdentityModule {}
