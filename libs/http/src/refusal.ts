/**
 * Refusals: the stable names a client translates (`ACTIVITY_FULL`, `PLAN_CLOSED`, ...), each with
 * its HTTP status. Every library declares its own with `declareRefusals` (in its `*.refusals.ts`);
 * the declarations also fill the registry that lists every code in the OpenAPI document.
 */
export interface Refusal<Code extends string = string> {
  readonly code: Code;
  readonly status: RefusalStatus;
}

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

const registry = new Map<string, Refusal>();

/** `declareRefusals({ ACTIVITY_FULL: 409 })` → `{ ACTIVITY_FULL: { code: 'ACTIVITY_FULL', status: 409 } }`. */
export function declareRefusals<const Statuses extends Record<string, RefusalStatus>>(
  statuses: Statuses,
): { readonly [Code in keyof Statuses & string]: Refusal<Code> } {
  const declared: Record<string, Refusal> = {};
  for (const [code, status] of Object.entries(statuses)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`refusal code ${code} is not UPPER_SNAKE_CASE`);
    const known = registry.get(code);
    if (known && known.status !== status) throw new Error(`refusal code ${code} is declared twice with different statuses`);
    declared[code] = known ?? Object.freeze({ code, status });
    registry.set(code, declared[code]);
  }
  return declared as { readonly [Code in keyof Statuses & string]: Refusal<Code> };
}

/** Every refusal code declared so far, sorted: the enum of `ErrorView.code`. */
export function declaredRefusalCodes(): string[] {
  return [...registry.keys()].sort();
}

/** The refusals any route can answer, whatever its feature. */
export const HttpRefusals = declareRefusals({
  /** The body, query or path broke its declared shape; `problems` lists each field. */
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  /** A JSON body nested deeper than JSON_MAX_DEPTH levels; refused before it is parsed. */
  JSON_TOO_DEEP: 400,
  /** A NUL character (U+0000) in a string of the body, the query or the path; `params.field` names it. */
  NUL_CHARACTER: 400,
  /** A `cursor` that no page of this list returned. */
  INVALID_CURSOR: 400,
  /** The record changed since the caller read it (its `version`); read it again. */
  STALE_VERSION: 409,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  /** The route needs a confirmed email address: follow the link sent at sign-up. */
  EMAIL_NOT_VERIFIED: 403,
  /** A browser session's unsafe request without the matching X-CSRF-Token header. */
  CSRF_TOKEN_INVALID: 403,
  ROUTE_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
  UNAVAILABLE: 503,
});
