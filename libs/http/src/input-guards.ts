import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { DomainException } from './domain.exception';
import { HttpRefusals } from './refusal';

export interface InputGuardOptions {
  /** Deepest nesting of objects and arrays a JSON body may have. */
  maxJsonDepth: number;
  /** The largest JSON body accepted, as for every other body. */
  bodyLimit: number;
}

/**
 * Refusals of input no route can use, checked once for every route before validation:
 * - a JSON body nested deeper than `maxJsonDepth` (JSON_TOO_DEEP), counted on the raw text
 *   before it is parsed, so nothing recursive ever walks it;
 * - a NUL character in any string (or key) of the body, the query or the path (NUL_CHARACTER,
 *   naming the field): PostgreSQL cannot store one in text.
 */
export function registerInputGuards(app: NestFastifyApplication, { maxJsonDepth, bodyLimit }: InputGuardOptions): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own parser (with its prototype-poisoning checks), behind the depth check; given to
  // Nest as the JSON body parser, so Nest does not register its default one.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, maxJsonDepth)) {
      done(
        new DomainException(HttpRefusals.JSON_TOO_DEEP, `The request body nests objects and arrays deeper than ${maxJsonDepth} levels`, {
          maxDepth: maxJsonDepth,
        }),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });
  // A hook with a callback, not async: no promise per request (issue 16).
  fastify.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    try {
      refuseNul(request.params, 'path');
      refuseNul(request.query, 'query');
      refuseNul(request.body, 'body');
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
}

/**
 * NUL_CHARACTER naming the first string (or key) of `value` that holds U+0000. The hook above
 * checks paths, queries and JSON bodies; a reader of multipart forms calls it on their text fields.
 */
export function refuseNul(value: unknown, location: Location): void {
  const field = nulField(value, location);
  if (field) {
    throw new DomainException(HttpRefusals.NUL_CHARACTER, `${field.location} field "${field.name}" holds a NUL character (\\u0000), which is refused`, {
      field: field.name,
      location: field.location,
    });
  }
}

/** True when the JSON text opens more than `max` objects/arrays inside one another (strings skipped). */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}

type Location = 'body' | 'query' | 'path';

/** The dotted path of the first string (or key) holding U+0000, or undefined. */
export function nulField(value: unknown, location: Location, path = ''): { name: string; location: Location } | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? { name: path || location, location } : undefined;
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const name = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return { name: name.replace(/\u0000/g, '\\u0000'), location };
    const found = nulField(inner, location, name);
    if (found) return found;
  }
  return undefined;
}
