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

describe('remembered validation metadata', () => {
  class Base {
    @MaxLength(3)
    code!: string;
  }
  class Derived extends Base {}

  it('sees constraints a decorator adds after a first validation of the class', async () => {
    const pipe = createValidationPipe();
    await expect(pipe.transform({ code: 'ABC' }, { type: 'query', metatype: Derived })).resolves.toEqual({ code: 'ABC' });
    // A decorator run later (a class loaded later) empties what was remembered.
    IsIn(['XYZ'])(Base.prototype, 'code');
    const failure = (await pipe.transform({ code: 'ABC' }, { type: 'query', metatype: Derived }).catch((error: unknown) => error)) as DomainException;
    expect(failure.details?.problems).toEqual([{ field: 'code', code: 'IS_IN', params: { values: ['XYZ'] } }]);
  });
});
