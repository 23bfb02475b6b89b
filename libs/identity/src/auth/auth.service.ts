import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser } from '@trta/http';
import type { AccessToken } from './auth.dto';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthUser): AccessToken {
    const accessToken = this.jwt.sign({ sub: user.id, email: user.email, role: user.role, country: user.country });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat };
  }
}
