import countries from 'i18n-iso-countries';
import i18n from 'i18next';
import { formatDate, formatList, formatNumber } from '../components/format';
import type { Schemas } from './types';

/**
 * The API's error body (DESIGN section 5): a stable `code` with its `params`, and for a 400 the
 * `problems` of each field. The web translates these (i18n/refusals/*.json); the English
 * `message` is for API users and logs, and never shown on a French or Spanish page.
 */
export type ErrorBody = Schemas['ErrorView'];
export type RefusalCode = ErrorBody['code'];
export type FieldProblem = Schemas['FieldProblemView'];

/** A failed call: an error answer of the API, or no answer at all (`status` 0). */
export class ApiError extends Error {
  /** The server's English sentences, for logs and for English pages when a code has no translation yet. */
  readonly serverMessages: string[];

  constructor(
    readonly status: number,
    serverMessages: string[],
    readonly body?: ErrorBody,
  ) {
    super(serverMessages.join('; ') || `HTTP ${status}`);
    this.name = 'ApiError';
    this.serverMessages = serverMessages;
  }

  get unreachable(): boolean {
    return this.status === 0;
  }

  /** The refusal's stable name (`ACTIVITY_FULL`), if the API answered one. */
  get code(): string | undefined {
    return typeof this.body?.code === 'string' ? this.body.code : undefined;
  }

  get params(): Record<string, unknown> {
    return this.body?.params && typeof this.body.params === 'object' ? this.body.params : {};
  }

  /** A 400's field problems: `[{ field: 'profile.email', code: 'IS_EMAIL', params: {} }]`. */
  get problems(): FieldProblem[] {
    return Array.isArray(this.body?.problems) ? this.body.problems : [];
  }

  /**
   * What to tell the person, in the interface language (read at each render, so it follows a
   * change of language): the refusal translated from its code and params, then each field problem.
   */
  get messages(): string[] {
    return errorLines(this);
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
  return Promise.reject(errorOf(result.response.status, result.error));
}

/**
 * The ApiError of an answer's status and body: the error JSON, or its text (openapi-fetch hands
 * a download's error body over as text), or nothing.
 */
export function errorOf(status: number, body: unknown): ApiError {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const error = parsed && typeof parsed === 'object' ? (parsed as Partial<ErrorBody>) : undefined;
  const message = error?.message;
  const messages = Array.isArray(message) ? message.map(String) : typeof message === 'string' ? [message] : [];
  return new ApiError(status, messages, error as ErrorBody | undefined);
}

// ---------------------------------------------------------------------------------------------
// Translation of refusals and field problems

/** Statuses a refusal's params name, by the kind of record the refusal is about. */
const STATUS_GROUPS: Partial<Record<string, string>> = {
  ACTIVITY_TRANSITION_NOT_ALLOWED: 'activity',
  ACTIVITY_NOT_DECIDING: 'activity',
  ACTIVITY_NOT_DELIVERED: 'activity',
  ACTIVITY_NOT_RECORDABLE: 'activity',
  ACTIVITY_NOT_REGISTRABLE: 'activity',
  NOT_OPEN_FOR_APPLICATIONS: 'activity',
  SHEET_NOT_PUBLISHABLE: 'activity',
  APPLICATION_TRANSITION_NOT_ALLOWED: 'application',
  ATTENDANCE_TRANSITION_NOT_ALLOWED: 'application',
  EVALUATION_NOT_ALLOWED: 'application',
  CERTIFICATE_NOT_ISSUED: 'application',
  REQUEST_TRANSITION_NOT_ALLOWED: 'request',
  PLAN_TRANSITION_NOT_ALLOWED: 'plan',
  AUDIT_REPORT_NOT_COMPLETED: 'auditReport',
};
/** Refusals whose `params.problems` are English sentences the web cannot translate yet. */
const LISTS_PROBLEMS = ['ACTIVITY_NOT_READY', 'ACTIVITY_RULES_BROKEN', 'REFERENCE_CODES_UNKNOWN', 'SHEET_INCOMPLETE', 'SHEET_TEXTS_INVALID'];
const STATUS_PARAMS = ['status', 'allowedFrom', 'decidingStatuses', 'recordableStatuses', 'registrableStatuses'];
const DATE_PARAMS = ['deadline', 'startDate', 'periodStart', 'periodEnd', 'otherPeriodStart', 'otherPeriodEnd', 'from', 'to'];
const DOCUMENT_PARAMS = ['kinds', 'missing'];
const MEDIA_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'text/csv': 'CSV',
};

function language(): string {
  return i18n.resolvedLanguage ?? i18n.language ?? 'en';
}

/** A country's name in the interface language, from its ISO alpha-3 code (the code itself if unknown). */
export function countryName(code: string): string {
  return countries.getName(code, language(), { select: 'official' }) ?? countries.getName(code, 'en') ?? code;
}

function asList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item) => item !== null && item !== undefined).map(String);
}

/** The params of a refusal as its sentence shows them: statuses, dates, countries, documents translated. */
function readableParams(code: string, params: Record<string, unknown>): Record<string, string> {
  const readable: Record<string, string> = {};
  const group = STATUS_GROUPS[code];
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (STATUS_PARAMS.includes(name)) {
      const statuses = asList(value).map((status) => (group && i18n.exists(`status.${group}.${status}`) ? i18n.t(`status.${group}.${status}`) : status));
      readable[name] = name === 'status' ? statuses.join(', ') : formatList(statuses, 'disjunction');
    } else if (DATE_PARAMS.includes(name) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      readable[name] = formatDate(value);
    } else if (name === 'reason' && i18n.exists(`passwordReasons.${String(value)}`)) {
      readable[name] = i18n.t(`passwordReasons.${String(value)}`);
    } else if (name === 'country') {
      readable[name] = countryName(String(value));
    } else if (name === 'beneficiaries') {
      readable[name] = formatList(asList(value).map(countryName));
    } else if (DOCUMENT_PARAMS.includes(name)) {
      readable[name] = formatList(asList(value).map((kind) => (i18n.exists(`documents.${kind}`) ? i18n.t(`documents.${kind}`) : kind)));
    } else if (name === 'accepted') {
      readable[name] = formatList(asList(value).map((type) => MEDIA_TYPES[type] ?? type.split('/').pop()!.toUpperCase()));
    } else if (Array.isArray(value)) {
      readable[name] = formatList(value.map(String));
    } else if (typeof value !== 'object') {
      readable[name] = String(value);
    }
  }
  if (typeof params.limitBytes === 'number') readable.limitMegabytes = formatNumber(params.limitBytes / 1_048_576, { maximumFractionDigits: 1 });
  if (typeof params.retryAfterSeconds === 'number') readable.retryAfterMinutes = String(Math.max(1, Math.ceil(params.retryAfterSeconds / 60)));
  return readable;
}

/** The names `{{name}}` a translation needs. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]);
}

/**
 * `<group>Details.<code>` when the params give every value its sentence needs, else the plain
 * `<group>.<code>` sentence; undefined when the web has no translation for the code.
 */
function translated(group: 'refusals' | 'problems', code: string, params: Record<string, unknown>): string | undefined {
  const values = readableParams(code, params);
  const detailKey = `${group === 'refusals' ? 'refusalDetails' : 'problemDetails'}.${code}`;
  if (i18n.exists(detailKey)) {
    const template = (i18n.getResource(language(), 'translation', detailKey) ?? i18n.getResource('en', 'translation', detailKey)) as unknown;
    if (typeof template === 'string' && placeholders(template).every((name) => values[name] !== undefined && values[name] !== '')) return i18n.t(detailKey, values);
  }
  if (i18n.exists(`${group}.${code}`)) return i18n.t(`${group}.${code}`, values);
  return undefined;
}

/** A refusal code (and its params) as a sentence in the interface language; `fallback` for a code the web does not know. */
export function refusalCodeText(code: string, params: Record<string, unknown> = {}, fallback?: string): string {
  return translated('refusals', code, params) ?? (language() === 'en' && fallback ? fallback : i18n.t('errors.title'));
}

/** Whether the web has a translation for this refusal code. */
export function knowsRefusal(code: string): boolean {
  return i18n.exists(`refusals.${code}`);
}

/**
 * The refusal as one sentence in the interface language: its translation, or (for a code the
 * web does not know yet) the server's own sentence on an English page and a plain "refused" on others.
 */
export function refusalText(error: ApiError): string {
  if (error.unreachable) return i18n.t('errors.unreachable');
  const code = error.code;
  // These refusals list their problems as English sentences only (`params.problems`): an English
  // page shows them, the others the translated sentence of the code.
  if (code && LISTS_PROBLEMS.includes(code) && language() === 'en' && error.serverMessages.length) return error.serverMessages.join('; ');
  const text = code ? translated('refusals', code, error.params) : undefined;
  if (text) return text;
  if (language() === 'en' && error.serverMessages.length) return error.serverMessages.join('; ');
  return i18n.t('errors.refusedUnknown', { status: error.status });
}

/** One field problem in the interface language ("Enter at most 200 characters."). */
export function problemText(problem: FieldProblem): string {
  return translated('problems', problem.code, problem.params ?? {}) ?? i18n.t('problems.default');
}

/** The lines an error shows: the refusal, then each field problem named by its field's label. */
function errorLines(error: ApiError, labels: Record<string, string> = {}): string[] {
  if (error.problems.length === 0) return [refusalText(error)];
  return error.problems.map((problem) => i18n.t('errors.field', { field: labels[problem.field] ?? fieldName(problem.field), problem: problemText(problem) }));
}

/** A field path as a person can read it when no label is given: the label's key under `fields.`, else the path's last word. */
function fieldName(path: string): string {
  const last = path.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? path;
  return i18n.exists(`fields.${last}`) ? i18n.t(`fields.${last}`) : last;
}

/**
 * Splits an error between form fields and the form as a whole, in the interface language: each
 * field problem of a 400 goes to the form field it names (`profile.email` to `profile.email`, or
 * to `profile` when that is the field); what no field takes, and any other refusal, to the form.
 * `labels` name fields outside the form in the form-level lines.
 */
export function fieldErrors(
  error: unknown,
  fields: readonly string[],
  labels: Record<string, string> = {},
): { fields: Record<string, string>; form: string[] } {
  const result = { fields: {} as Record<string, string>, form: [] as string[] };
  if (!error) return result;
  if (!(error instanceof ApiError)) return { ...result, form: [i18n.t('errors.title')] };
  if (error.problems.length === 0) return { ...result, form: [refusalText(error)] };
  for (const problem of error.problems) {
    const field = fieldFor(problem.field, fields);
    const text = problemText(problem);
    if (field) result.fields[field] = result.fields[field] ? `${result.fields[field]} ${text}` : text;
    else result.form.push(i18n.t('errors.field', { field: labels[problem.field] ?? fieldName(problem.field), problem: text }));
  }
  return result;
}

/** The form field a problem's path belongs to: the same path, or the longest field it is inside of. */
function fieldFor(path: string, fields: readonly string[]): string | undefined {
  return [...fields].sort((a, b) => b.length - a.length).find((name) => path === name || path.startsWith(`${name}.`));
}
