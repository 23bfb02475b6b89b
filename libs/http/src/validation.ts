import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { MetadataStorage } from 'class-validator/types/metadata/MetadataStorage';
import { DomainException, type FieldProblem, type RefusalParams } from './domain.exception';
import { HttpRefusals } from './refusal';

/** The class-validator constraints whose arguments have names a translation can use. */
const NAMED_ARGUMENTS: Record<string, string[]> = {
  maxLength: ['max'],
  minLength: ['min'],
  max: ['max'],
  min: ['min'],
  arrayMaxSize: ['max'],
  arrayMinSize: ['min'],
  isLength: ['min', 'max'],
  isIn: ['values'],
  isEnum: ['values'],
  matches: ['pattern'],
};

/**
 * Every field problem of a failed validation, flattened to dotted paths (`profile.email`,
 * `items.0.code`), each with an UPPER_SNAKE code from its constraint (`isEmail` → `IS_EMAIL`,
 * an unknown field → `UNKNOWN_FIELD`) and the constraint's arguments as params.
 */
export function fieldProblems(errors: ValidationError[], prefix = ''): { problems: FieldProblem[]; messages: string[] } {
  const problems: FieldProblem[] = [];
  const messages: string[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      problems.push({ field, code: problemCode(constraint), params: argumentsOf(error, constraint) });
      messages.push(prefix ? `${prefix}.${message}` : message);
    }
    if (error.children?.length) {
      const nested = fieldProblems(error.children, field);
      problems.push(...nested.problems);
      messages.push(...nested.messages);
    }
  }
  return { problems, messages };
}

/** The 400 for a body, query or path that broke its declared shape: `VALIDATION_FAILED` with each field's problem. */
export function validationFailed(errors: ValidationError[]): DomainException {
  const { problems, messages } = fieldProblems(errors);
  return fieldsFailed(problems, messages);
}

/** `VALIDATION_FAILED` for these problems, one English sentence each (starting with the field it names). */
export function fieldsFailed(problems: FieldProblem[], messages: string[]): DomainException {
  const failed = new DomainException(HttpRefusals.VALIDATION_FAILED, messages.join('; '), { fields: [...new Set(problems.map((p) => p.field))] }, { problems });
  failed.messages = messages;
  return failed;
}

/**
 * Remembers class-validator's answer to "which constraints apply to this class": it searched
 * every decorated class of the application (an `instanceof` for each) on every validation, the
 * largest single cost of a validated request (issue 16). The answer changes only when a
 * decorator registers a constraint, which empties what is remembered.
 */
export function rememberValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [REMEMBERING]?: true };
  if (marked[REMEMBERING]) return;
  marked[REMEMBERING] = true;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  type Found = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
  let remembered = new Map<Function, Map<string, Found>>();
  storage.addValidationMetadata = (metadata) => {
    remembered = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byOptions = remembered.get(target);
    if (!byOptions) remembered.set(target, (byOptions = new Map()));
    const key = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
}
const REMEMBERING = Symbol('rememberValidationMetadata');

/** The global pipe: whitelisted, transformed, and refusing with `validationFailed`. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // the target lets validationFailed read each constraint's arguments; nothing of it reaches the client
    validationError: { target: true, value: false },
    exceptionFactory: validationFailed,
  });
}

function problemCode(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'UNKNOWN_FIELD';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function argumentsOf(error: ValidationError, constraint: string): RefusalParams {
  const target = error.target?.constructor;
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
  const args = metadata?.constraints;
  if (!args?.length) return {};
  const names = NAMED_ARGUMENTS[constraint];
  const params: RefusalParams = {};
  args.forEach((value: unknown, index: number) => {
    if (value === undefined) return;
    const name = names?.[index] ?? `arg${index}`;
    params[name] = printable(value);
  });
  return params;
}

function printable(value: unknown): RefusalParams[string] {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object') return Object.values(value as object).map(String);
  return String(value);
}
