import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception';
import { declareRefusals } from './refusal';
import { toErrorBody } from './http-exception.filter';

describe('toErrorBody', () => {
  const Refusals = declareRefusals({ TEST_OVERLAPS: 409, TEST_TOO_LATE: 422 });

  it('answers a refusal with its code, status, params and details', () => {
    const body = toErrorBody(new DomainException(Refusals.TEST_OVERLAPS, 'overlaps', { activityCode: 'TA-2026-0001' }, { conflicts: [1] }));
    expect(body).toEqual({ statusCode: 409, error: 'Conflict', code: 'TEST_OVERLAPS', params: { activityCode: 'TA-2026-0001' }, message: 'overlaps', conflicts: [1] });
    expect(toErrorBody(new DomainException(Refusals.TEST_TOO_LATE, 'no'))).toMatchObject({ statusCode: 422, code: 'TEST_TOO_LATE', params: {} });
  });

  it('refuses to declare one code with two statuses', () => {
    expect(() => declareRefusals({ TEST_OVERLAPS: 422 })).toThrow(/declared twice/);
  });

  it('keeps the validation pipe’s list of problems', () => {
    const body = toErrorBody(new BadRequestException(['email must be an email', 'password must be a string']));
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: ['email must be an email', 'password must be a string'] });
    expect(toErrorBody(new NotFoundException('Cannot GET /x')).statusCode).toBe(404);
  });

  it('turns constraint violations a client caused into 4xx, never 500', () => {
    const failure = (code: string) => new QueryFailedError('INSERT', [], Object.assign(new Error('x'), { code, constraint: 'c' }));
    expect(toErrorBody(failure('23505'))).toMatchObject({ statusCode: 409, code: 'DUPLICATE', params: { constraint: 'c' } });
    const taken = new QueryFailedError('INSERT', [], Object.assign(new Error('x'), { code: '23505', constraint: 'ta_plans_code_key' }));
    expect(toErrorBody(taken)).toMatchObject({ statusCode: 409, code: 'PLAN_CODE_TAKEN' });
    expect(toErrorBody(failure('23P01')).statusCode).toBe(409);
    expect(toErrorBody(failure('22P02')).statusCode).toBe(400);
    expect(toErrorBody(failure('23514')).statusCode).toBe(422);
  });

  it('names each SQLSTATE a client can cause when no constraint of the map names the clash', () => {
    const failure = (code: string) => new QueryFailedError('UPDATE', [], Object.assign(new Error('x'), { code }));
    const codes = Object.fromEntries(
      ['23505', '23P01', '23503', '23514', '22P02', '22001', '22003', '22007', '22008', '40001', '40P01'].map((sqlstate) => [sqlstate, toErrorBody(failure(sqlstate)).code]),
    );
    expect(codes).toEqual({
      '23505': 'DUPLICATE',
      '23P01': 'CONFLICTING_RECORD',
      '23503': 'REFERENCE_MISSING',
      '23514': 'RULE_BROKEN',
      '22P02': 'INVALID_VALUE',
      '22001': 'VALUE_TOO_LONG',
      '22003': 'NUMBER_OUT_OF_RANGE',
      '22007': 'INVALID_DATE',
      '22008': 'INVALID_DATE',
      '40001': 'CONCURRENT_CHANGE',
      '40P01': 'CONCURRENT_CHANGE',
    });
  });

  it('answers 500 without details to anything unexpected', () => {
    expect(toErrorBody(new Error('secret internals'))).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL_ERROR', params: {}, message: 'Internal server error' });
    expect(toErrorBody(new QueryFailedError('SELECT', [], Object.assign(new Error('x'), { code: '42P01' }))).statusCode).toBe(500);
  });

  it('answers from Fastify’s error when Nest wraps it in an HttpException', () => {
    const cause = Object.assign(new Error("Body is not valid JSON but content-type is set to 'application/json'"), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(toErrorBody(new HttpException(cause.message, 400, { cause }))).toMatchObject({ statusCode: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON' });
  });

  it('describes fastify’s own client errors', () => {
    expect(toErrorBody(Object.assign(new Error('x'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }))).toMatchObject({
      statusCode: 413,
      message: 'The request body is larger than the server accepts',
    });
  });
});

describe('toErrorBody: PostgreSQL unreachable', () => {
  it('answers 503 UNAVAILABLE for connection errors, through TypeORM and AggregateError wrappers, and not for query errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const unavailable = (error: unknown) => toErrorBody(error);
    expect(unavailable(refused)).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE', params: { reason: 'database-unavailable' } });
    expect(unavailable(Object.assign(new Error('query failed'), { driverError: { code: '57P01' } })).statusCode).toBe(503);
    expect(unavailable(Object.assign(new Error('x'), { driverError: { code: '57P03' } })).statusCode).toBe(503);
    expect(unavailable(Object.assign(new Error('x'), { code: '08006' })).statusCode).toBe(503);
    expect(unavailable(new Error('timeout exceeded when trying to connect')).statusCode).toBe(503);
    expect(unavailable(new Error('Connection terminated unexpectedly')).statusCode).toBe(503);
    expect(unavailable(new AggregateError([refused], 'connect failed')).statusCode).toBe(503);
    expect(unavailable(Object.assign(new Error('syntax'), { driverError: { code: '42601' } })).statusCode).toBe(500);
  });
});
