import type { Schemas } from './types';

/**
 * The API's error body (DESIGN section 5): 400 lists every field problem in `message`. Routes
 * whose refusals carry details declare them as schemas extending it (SchedulingConflictsError, ...).
 */
export type ErrorBody = Schemas['ErrorView'];

/** A failed call: an error answer of the API, or no answer at all (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly body?: ErrorBody,
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

/** What an openapi-fetch call resolves to: `data` is typed from the route's response schema. */
type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its body, typed from the route's response schema in
 * the OpenAPI document (schema.d.ts), or throws an ApiError.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, []);
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as Partial<ErrorBody> | undefined;
  const message = body?.message;
  const messages = Array.isArray(message) ? message : message ? [message] : [];
  return Promise.reject(new ApiError(result.response.status, messages, body as ErrorBody | undefined));
}

/**
 * Splits an error's messages between form fields and the form as a whole: class-validator
 * messages start with the property path ("email must be an email", "profile.country ...").
 */
export function fieldErrors(error: unknown, fields: readonly string[]): { fields: Record<string, string>; form: string[] } {
  const result = { fields: {} as Record<string, string>, form: [] as string[] };
  if (!(error instanceof ApiError)) return { ...result, form: error ? [String(error)] : [] };
  for (const message of error.messages) {
    const path = message.split(' ')[0];
    const field = fields.find((name) => path === name || path.startsWith(`${name}.`));
    if (error.status === 400 && field) result.fields[field] = result.fields[field] ? `${result.fields[field]}; ${message}` : message;
    else result.form.push(message);
  }
  return result;
}
