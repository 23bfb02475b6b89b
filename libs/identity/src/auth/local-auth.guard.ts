import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainException, HttpRefusals, validationFailed } from '@trta/http';
import { LoginDto } from '../users/users.dto';

/** Checks the body's shape (a 400 naming the field) before passport checks the password (a 401). */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw Object.assign(new DomainException(HttpRefusals.VALIDATION_FAILED, 'body must be a JSON object with email and password', { fields: [] }, { problems: [] }), {
        messages: ['body must be a JSON object with email and password'],
      });
    }
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw validationFailed(errors);
    return (await super.canActivate(context)) as boolean;
  }
}
