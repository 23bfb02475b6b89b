/** What went wrong, in the domain's words; the exception filter maps each code to an HTTP status. */
export enum DomainErrorCode {
  Invalid = 'INVALID',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RuleViolation = 'RULE_VIOLATION',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Unavailable = 'UNAVAILABLE',
}

export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  [DomainErrorCode.Invalid]: 400,
  [DomainErrorCode.Unauthorized]: 401,
  [DomainErrorCode.Forbidden]: 403,
  [DomainErrorCode.NotFound]: 404,
  [DomainErrorCode.Conflict]: 409,
  [DomainErrorCode.RuleViolation]: 422,
  [DomainErrorCode.TooManyRequests]: 429,
  [DomainErrorCode.Unavailable]: 503,
};

export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra fields for the client, e.g. the list of scheduling conflicts. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static notFound(what: string, id: string | number): DomainException {
    return new DomainException(DomainErrorCode.NotFound, `${what} ${id} not found`);
  }
}
