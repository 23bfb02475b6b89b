import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser, Role } from '@trta/http';
import { JWT_SECRET } from './jwt-secret';

interface JwtPayload {
  sub: string;
  email: string;
  role: Role;
  country: string | null;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(secret: JWT_SECRET) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: secret.verificationKey, algorithms: ['HS256'] });
  }

  validate(payload: JwtPayload): AuthUser {
    return { id: payload.sub, email: payload.email, role: payload.role, country: payload.country };
  }
}
