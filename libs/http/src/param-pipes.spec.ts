import { DomainException } from './domain.exception';
import { IntPipe, OneOfPipe, UuidPipe } from './param-pipes';
import { toErrorBody } from './http-exception.filter';

const param = (data: string) => ({ type: 'param' as const, data });
const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    return toErrorBody(error);
  }
  throw new Error('the pipe let the value through');
};

describe('path parameter pipes', () => {
  it('lets a UUID of any version through and refuses anything else naming the parameter', () => {
    const pipe = new UuidPipe();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'A0EEBC99-9C0B-1EF8-BB6D-6BB9BD380A11', '00000000-0000-0000-0000-000000000000']) {
      expect(pipe.transform(id, param('id'))).toBe(id);
    }
    for (const bad of ['42', 'not-a-uuid', '00000000-0000-4000-8000-00000000000', '00000000-0000-4000-8000-000000000000x', '']) {
      expect(refusalOf(() => pipe.transform(bad, param('activityId')))).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        params: { fields: ['activityId'] },
        message: ['activityId must be a UUID'],
        problems: [{ field: 'activityId', code: 'IS_UUID', params: {} }],
      });
    }
  });

  it('turns a whole number into a number and refuses the rest', () => {
    const pipe = new IntPipe();
    expect(pipe.transform('2026', param('year'))).toBe(2026);
    expect(pipe.transform('-3', param('year'))).toBe(-3);
    expect(pipe.transform(2026, param('year'))).toBe(2026);
    for (const bad of ['twenty', '20.5', '1e3', ' 2026', '', '9999999999999999999', Number.NaN, 20.5, 2 ** 60]) {
      expect(refusalOf(() => pipe.transform(bad, param('year')))).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: ['year must be an integer number'],
        problems: [{ field: 'year', code: 'IS_INT' }],
      });
    }
  });

  it('takes one of its values and names them when refusing', () => {
    const pipe = new OneOfPipe(['cv', 'passport']);
    expect(pipe.transform('cv', param('kind'))).toBe('cv');
    expect(refusalOf(() => pipe.transform('photo', param('kind')))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: ['kind must be one of the following values: cv, passport'],
      problems: [{ field: 'kind', code: 'IS_IN', params: { values: ['cv', 'passport'] } }],
    });
  });
});
