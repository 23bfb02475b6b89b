import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DOMAIN_ERROR_STATUS, DomainException } from './domain.exception';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  requestId?: string;
  [detail: string]: unknown;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// PostgreSQL error codes a client's input can cause, and what they mean to that client.
const PG_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: 'duplicate' },
  '23P01': { status: 409, message: 'conflicts with an existing record' },
  '23503': { status: 409, message: 'refers to a record that does not exist or is still referenced' },
  '23514': { status: 422, message: 'breaks a rule' },
  '22P02': { status: 400, message: 'has a value of the wrong type' },
  '22001': { status: 400, message: 'has a value too long' },
  '22003': { status: 400, message: 'has a number out of range' },
  '22007': { status: 400, message: 'has an invalid date' },
  '22008': { status: 400, message: 'has a date out of range' },
  '40001': { status: 409, message: 'was changed by someone else at the same time; try again' },
};

/** Turns anything thrown while serving a request into the one error shape of DESIGN section 5. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainException) {
    const statusCode = DOMAIN_ERROR_STATUS[exception.code];
    return { ...exception.details, statusCode, error: REASONS[statusCode], message: exception.message };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? exception.message);
    const extra = typeof response === 'object' ? (response as Record<string, unknown>) : {};
    return { ...extra, statusCode, error: REASONS[statusCode] ?? exception.name, message };
  }
  if (exception instanceof QueryFailedError) {
    const driverError = exception.driverError as { code?: string; constraint?: string; detail?: string };
    const known = driverError.code ? PG_ERRORS[driverError.code] : undefined;
    if (known) {
      const what = driverError.constraint ? `the record (${driverError.constraint})` : 'the request';
      return { statusCode: known.status, error: REASONS[known.status], message: `${what} ${known.message}` };
    }
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyError?.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500 &&
    typeof fastifyError.code === 'string' &&
    fastifyError.code.startsWith('FST_')
  ) {
    const statusCode = fastifyError.statusCode;
    return { statusCode, error: REASONS[statusCode] ?? 'Bad Request', message: describeFastifyError(fastifyError) };
  }
  return { statusCode: 500, error: REASONS[500], message: 'Internal server error' };
}

function describeFastifyError(error: { code?: string; message?: string }): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than the server accepts';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'The request body has a content type the server does not accept';
    default:
      return error.message ?? 'Bad request';
  }
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    body.requestId = String(request.id);
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
