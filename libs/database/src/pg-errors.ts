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
