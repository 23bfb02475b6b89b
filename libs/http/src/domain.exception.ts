import type { Refusal } from './refusal';

/** Values a client puts into its translation of a refusal (`{ activityCode, capacity }`). */
export type RefusalParams = Record<string, string | number | boolean | null | string[] | number[]>;

/** One field's problem in a 400: `profile.email`, `IS_EMAIL`, `{}`. */
export interface FieldProblem {
  field: string;
  code: string;
  params: RefusalParams;
}

/** A refusal thrown by a service: its code (and so its status), an English sentence, the params to translate it. */
export class DomainException extends Error {
  readonly refusal: Refusal;
  readonly params: RefusalParams;
  /** Extra fields for the client beside the error shape, e.g. the list of scheduling conflicts. */
  readonly details?: Record<string, unknown>;
  /** A 400's problems one sentence each, answered as the `message` list. */
  messages?: string[];

  constructor(refusal: Refusal, message: string, params: RefusalParams = {}, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainException';
    this.refusal = refusal;
    this.params = params;
    this.details = details;
  }

  get code(): string {
    return this.refusal.code;
  }

  get status(): number {
    return this.refusal.status;
  }
}
