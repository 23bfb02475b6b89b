import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeApi } from '../../apps/api/src/create-api';

/**
 * Holds the API to the response schemas of its OpenAPI document, the schemas the web app's
 * client is typed from: every answer of every end-to-end test is checked against its route's
 * declared schema. Successful answers are held closely: objects are closed (a field the schema
 * does not declare is a violation too), so a view and its declared class cannot drift apart
 * unnoticed. Refusals are checked against the one error shape (or the route's own refusal
 * schema), open to the details some refusals add.
 */
export class ResponseSchemaCheck {
  readonly violations: string[] = [];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: CLOSED, components: prepare(document.components ?? {}, CLOSED) });
    this.ajv.addSchema({ $id: OPEN, components: prepare(document.components ?? {}, OPEN) });
  }

  /** Adds the check to the app's Fastify instance; call after `app.init()`, before `ready()`. */
  static attach(app: NestFastifyApplication): ResponseSchemaCheck {
    const check = new ResponseSchemaCheck(describeApi(app));
    app.getHttpAdapter().getInstance().addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      check.inspect(request, reply, payload);
      return payload;
    });
    return check;
  }

  /** Throws with every violation seen, if any. */
  assertNone(): void {
    if (this.violations.length > 0) {
      throw new Error(`answers that do not match the OpenAPI document:\n${[...new Set(this.violations)].join('\n')}`);
    }
  }

  private inspect(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const route = request.routeOptions.url;
    if (!route || reply.statusCode < 200) return;
    const path = route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = request.method.toLowerCase();
    const operation = this.document.paths[path]?.[method as 'get'];
    if (!operation) return; // not an API route: the web app, /docs, the queue dashboard
    const where = `${request.method} ${path} ${reply.statusCode}`;
    const refusal = reply.statusCode >= 400;
    const declared = operation.responses[String(reply.statusCode)] ?? (refusal ? operation.responses.default : undefined);
    if (!declared) {
      this.violations.push(`${where}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`);
      return;
    }
    const contentType = String(reply.getHeader('content-type') ?? '').split(';')[0].trim();
    const content = 'content' in declared ? declared.content : undefined;
    if (contentType !== 'application/json') {
      if (payload !== undefined && payload !== null && payload !== '' && !content?.[contentType] && !content?.['*/*']) {
        this.violations.push(`${where}: answered ${contentType || 'a body'} but declares ${Object.keys(content ?? {}).join(', ') || 'no body'}`);
      }
      return;
    }
    const schema = content?.['application/json']?.schema;
    if (!schema) {
      this.violations.push(`${where}: answered JSON but declares no JSON schema`);
      return;
    }
    if (typeof payload !== 'string') return;
    const validate = this.validatorFor(`${method} ${path} ${reply.statusCode}`, schema, refusal ? OPEN : CLOSED);
    if (!validate(JSON.parse(payload))) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}${error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`);
      this.violations.push(`${where}: ${errors.join('; ')}`);
    }
  }

  private validatorFor(key: string, schema: object, mode: Mode): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(prepare(schema, mode));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

const CLOSED = 'openapi-closed';
const OPEN = 'openapi-open';
type Mode = typeof CLOSED | typeof OPEN;

/**
 * A copy of a schema of the document for Ajv: references point at the components registered
 * under `mode`; nullable references accept null; in the closed mode, every object schema with
 * declared properties and no `additionalProperties` refuses other properties.
 */
function prepare<T>(schema: T, mode: Mode): T {
  const copy = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/components/', `"$ref":"${mode}#/components/`)) as T;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (mode === CLOSED && record.properties && typeof record.properties === 'object' && record.additionalProperties === undefined) {
      record.additionalProperties = false;
    }
    Object.values(record).forEach(visit);
    // Ajv's `nullable` widens `type` only; a nullable reference ({ nullable, allOf: [$ref] }) must accept null past the reference too.
    if (record.nullable === true && (record.allOf || record.$ref)) {
      const { nullable: _nullable, ...rest } = record;
      for (const key of Object.keys(record)) delete record[key];
      record.anyOf = [rest, { type: 'null' }];
    }
  };
  visit(copy);
  return copy;
}
