import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainErrorCode, DomainException } from './domain.exception';
import { toErrorBody } from './http-exception.filter';

describe('toErrorBody', () => {
  it('maps domain codes to statuses and keeps their details', () => {
    const body = toErrorBody(new DomainException(DomainErrorCode.Conflict, 'overlaps', { conflicts: [1] }));
    expect(body).toEqual({ statusCode: 409, error: 'Conflict', message: 'overlaps', conflicts: [1] });
    expect(toErrorBody(new DomainException(DomainErrorCode.RuleViolation, 'no')).statusCode).toBe(422);
  });

  it('keeps the validation pipe’s list of problems', () => {
    const body = toErrorBody(new BadRequestException(['email must be an email', 'password must be a string']));
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: ['email must be an email', 'password must be a string'] });
    expect(toErrorBody(new NotFoundException('Cannot GET /x')).statusCode).toBe(404);
  });

  it('turns constraint violations a client caused into 4xx, never 500', () => {
    const failure = (code: string) => new QueryFailedError('INSERT', [], Object.assign(new Error('x'), { code, constraint: 'c' }));
    expect(toErrorBody(failure('23505')).statusCode).toBe(409);
    expect(toErrorBody(failure('23P01')).statusCode).toBe(409);
    expect(toErrorBody(failure('22P02')).statusCode).toBe(400);
    expect(toErrorBody(failure('23514')).statusCode).toBe(422);
  });

  it('answers 500 without details to anything unexpected', () => {
    expect(toErrorBody(new Error('secret internals'))).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
    expect(toErrorBody(new QueryFailedError('SELECT', [], Object.assign(new Error('x'), { code: '42P01' }))).statusCode).toBe(500);
  });

  it('describes fastify’s own client errors', () => {
    expect(toErrorBody(Object.assign(new Error('x'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }))).toMatchObject({
      statusCode: 413,
      message: 'The request body is larger than the server accepts',
    });
  });
});
