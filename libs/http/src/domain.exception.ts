import { declareRefusals, type Refusal } from './refusal';

/** Values a client puts into its translation of a refusal (`{ activityCode, capacity }`). */
export type RefusalParams = Record<string, string | number | boolean | null | string[] | number[]>;

/** One field's problem in a 400: `profile.email`, `IS_EMAIL`, `{}`. */
export interface FieldProblem {
  field: string;
  code: string;
  params: RefusalParams;
}

/**
 * @deprecated The generic kinds of refusal from before every refusal had its own code; declare
 * a code in the library's `*.refusals.ts` and throw that instead.
 */
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

const LegacyRefusals: Record<DomainErrorCode, Refusal> = declareRefusals({
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
});

/** A refusal thrown by a service: its code (and so its status), an English sentence, the params to translate it. */
export class DomainException extends Error {
  readonly refusal: Refusal;
  readonly params: RefusalParams;
  /** Extra fields for the client beside the error shape, e.g. the list of scheduling conflicts. */
  readonly details?: Record<string, unknown>;
  /** A 400's problems one sentence each, answered as the `message` list. */
  messages?: string[];

  constructor(refusal: Refusal, message: string, params?: RefusalParams, details?: Record<string, unknown>);
  /** @deprecated see DomainErrorCode */
  constructor(kind: DomainErrorCode, message: string, details?: Record<string, unknown>);
  constructor(refusal: Refusal | DomainErrorCode, message: string, paramsOrDetails?: Record<string, unknown>, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainException';
    if (typeof refusal === 'string') {
      this.refusal = LegacyRefusals[refusal];
      this.params = {};
      this.details = paramsOrDetails;
    } else {
      this.refusal = refusal;
      this.params = (paramsOrDetails ?? {}) as RefusalParams;
      this.details = details;
    }
  }

  get code(): string {
    return this.refusal.code;
  }

  get status(): number {
    return this.refusal.status;
  }

  /** @deprecated declare `<THING>_NOT_FOUND` in the library's refusals */
  static notFound(what: string, id: string | number): DomainException {
    return new DomainException(DomainErrorCode.NotFound, `${what} ${id} not found`);
  }
}
