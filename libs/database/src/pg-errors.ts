import { QueryFailedError } from 'typeorm';

/** What PostgreSQL said about a failed query: its SQLSTATE, the constraint it broke, the detail line. */
export interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** The PostgreSQL error of a failed query, or undefined when the error is something else. */
export function pgError(error: unknown): PgError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgError;
  const driverError = (error as { driverError?: PgError } | null)?.driverError;
  return driverError && typeof driverError === 'object' ? driverError : undefined;
}

/** Socket errors of a server that is not there (stopped, restarting, unreachable). */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/**
 * SQLSTATEs of a server going away or not yet back: admin_shutdown, crash_shutdown,
 * cannot_connect_now, too_many_connections, and the whole connection_exception class (08xxx).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What node-postgres and its pool say when no connection can be had or the one in use died. */
const CONNECTION_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * True when an error says PostgreSQL cannot be reached right now (not that a query was wrong):
 * the API answers those with 503 and Retry-After. Looks through TypeORM's `driverError`, `cause`
 * and the `errors` of an AggregateError (a connect to every address of localhost).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const candidate = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof candidate.code === 'string' ? candidate.code : undefined;
  if (code && (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof candidate.message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
  const nested = [candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  return nested.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}
