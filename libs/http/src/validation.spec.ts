import { IsEmail, IsIn, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe } from './validation';
import { DomainException } from './domain.exception';

class Profile {
  @MaxLength(5)
  name!: string;
}

class Body {
  @IsEmail()
  email!: string;

  @IsIn(['en', 'fr', 'es'])
  locale!: string;

  @ValidateNested()
  @Type(() => Profile)
  profile!: Profile;
}

describe('the validation pipe', () => {
  it('refuses with VALIDATION_FAILED listing each field problem with its code and params', async () => {
    const pipe = createValidationPipe();
    const failure = await pipe
      .transform({ email: 'nope', locale: 'de', profile: { name: 'far too long' }, extra: 1 }, { type: 'body', metatype: Body })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainException);
    const refusal = failure as DomainException;
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.status).toBe(400);
    expect(refusal.details?.problems).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'IS_EMAIL', params: {} },
        { field: 'locale', code: 'IS_IN', params: { values: ['en', 'fr', 'es'] } },
        { field: 'profile.name', code: 'MAX_LENGTH', params: { max: 5 } },
        { field: 'extra', code: 'UNKNOWN_FIELD', params: {} },
      ]),
    );
    expect(refusal.messages).toEqual(expect.arrayContaining(['email must be an email', 'profile.name must be shorter than or equal to 5 characters']));
  });
});
