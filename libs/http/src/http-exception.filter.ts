import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '@trta/database';
import { constraintRefusal } from './constraint-refusals';
import { DomainException, type RefusalParams } from './domain.exception';
import { HttpRefusals } from './refusal';

export interface ErrorBody {
  statusCode: number;
  /** The status's reason phrase; the health check's 503 alone keeps its failing indicators here. */
  error: string | Record<string, unknown>;
  /** The refusal's stable name, which clients translate. */
  code: string;
  params: RefusalParams;
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

/** The code of a refusal Nest or Fastify raised for us, by its status. */
const HTTP_CODES: Record<number, string> = {
  400: HttpRefusals.BAD_REQUEST.code,
  401: HttpRefusals.UNAUTHORIZED.code,
  403: HttpRefusals.FORBIDDEN.code,
  404: HttpRefusals.ROUTE_NOT_FOUND.code,
  413: HttpRefusals.PAYLOAD_TOO_LARGE.code,
  415: HttpRefusals.UNSUPPORTED_MEDIA_TYPE.code,
  503: HttpRefusals.UNAVAILABLE.code,
};

/** Seconds a client is told to wait (Retry-After) before asking again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** Turns anything thrown while serving a request into the one error shape of DESIGN section 5. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainException) return domainBody(exception);
  // Nest hands Fastify's own client errors (a body that is not JSON, too large, ...) over wrapped
  // in an HttpException whose cause is the Fastify error: answer from the Fastify error.
  const fastifyError = exception instanceof HttpException ? exception.cause : exception;
  if (isFastifyClientError(fastifyError)) return fastifyBody(fastifyError);
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? exception.message);
    const extra = typeof response === 'object' ? (response as Record<string, unknown>) : {};
    const code = typeof extra.code === 'string' ? extra.code : (HTTP_CODES[statusCode] ?? HttpRefusals.BAD_REQUEST.code);
    // The health check's 503 keeps its own `error` (the failing indicators), as its route declares.
    const error = extra.error !== null && typeof extra.error === 'object' ? (extra.error as Record<string, unknown>) : (REASONS[statusCode] ?? exception.name);
    return { params: {}, ...extra, statusCode, error, code, message };
  }
  const refusal = constraintRefusal(exception);
  if (refusal) return domainBody(refusal);
  // PostgreSQL stopped, restarting or out of connections: the client may try again shortly.
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      error: REASONS[503],
      code: HttpRefusals.UNAVAILABLE.code,
      params: { reason: 'database-unavailable' },
      message: 'The database cannot be reached right now; try again shortly',
    };
  }
  return { statusCode: 500, error: REASONS[500], code: HttpRefusals.INTERNAL_ERROR.code, params: {}, message: 'Internal server error' };
}

interface FastifyClientError {
  statusCode: number;
  code: string;
  message?: string;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  const candidate = error as Partial<FastifyClientError> | null | undefined;
  return (
    typeof candidate?.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500 &&
    typeof candidate.code === 'string' &&
    candidate.code.startsWith('FST_')
  );
}

function fastifyBody(error: FastifyClientError): ErrorBody {
  const { statusCode } = error;
  const invalidJson = error.code.startsWith('FST_ERR_CTP_INVALID_JSON') || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
  const code = invalidJson ? HttpRefusals.INVALID_JSON.code : (HTTP_CODES[statusCode] ?? HttpRefusals.BAD_REQUEST.code);
  return { statusCode, error: REASONS[statusCode] ?? 'Bad Request', code, params: {}, message: describeFastifyError(error) };
}

function domainBody(exception: DomainException): ErrorBody {
  const statusCode = exception.status;
  return { ...exception.details, statusCode, error: REASONS[statusCode], code: exception.code, params: exception.params, message: exception.messages ?? exception.message };
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
    if (body.statusCode === 503) {
      this.logger.warn({ err: exception, requestId: request.id }, 'request refused: service unavailable');
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
