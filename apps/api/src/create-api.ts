import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { Logger, PinoLogger } from 'nestjs-pino';
import { projectRoot, trustProxySetting } from '@trta/config';
import { createValidationPipe, declaredRefusalCodes, ErrorView, FieldProblemView, helmetHeaders, registerInputGuards, registerSecurityHeaders, toErrorBody } from '@trta/http';
import { JobQueue, QueueName, registerQueueDashboard } from '@trta/queues';
import { AuthService } from '@trta/identity';
import { AppModule, AppModuleOptions, requestLogLevel } from './app.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
/** Smaller answers fit a packet or two: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;
/** JSON, CSV, XML (IATI), iCalendar, HTML, CSS and scripts; not PDF, images, spreadsheets or archives. */
const COMPRESSIBLE = /^(application\/([\w.+-]+\+)?(json|xml|javascript)|text\/(csv|calendar|xml|plain|html|css|javascript))\s*(;|$)/;

/** Helmet's headers, with this content security policy; `scriptSrc` as the path needs it. */
const securityHeaders = (scriptSrc: string[]) =>
  helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        scriptSrc,
      },
    },
  });
// The built app and the API docs need no inline script; only the queue dashboard (admins, /admin) has one.
const SECURITY_HEADERS = securityHeaders(["'self'"]);
const QUEUE_DASHBOARD_HEADERS = securityHeaders(["'self'", "'unsafe-inline'"]);

/** Builds the HTTP application exactly as production serves it; the end-to-end tests use it too. */
export async function createApi(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.BODY_LIMIT_BYTES,
    // Which proxies may say who the client is (X-Forwarded-For): TRUST_PROXY, none by default.
    trustProxy: trustProxySetting(options.config),
    genReqId: (request: IncomingMessage) => {
      const header = request.headers['x-request-id'];
      const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
      (request as IncomingMessage & { id?: string }).id = id;
      return id;
    },
    // A URL refused before any route is looked up (a %-escape that decodes to nothing): in the one
    // error shape, as the exception filter answers, with the headers the hooks below give every
    // other answer (they do not run for these).
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const body = toErrorBody(error);
      void reply
        .headers(SECURITY_HEADERS)
        .header('x-request-id', request.id)
        .header('cache-control', 'no-store')
        .code(body.statusCode)
        .send({ ...body, requestId: String(request.id) });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  // Input no route can use (JSON nested too deep, NUL characters): 400 before validation, on every route.
  registerInputGuards(app, { maxJsonDepth: options.config.JSON_MAX_DEPTH, bodyLimit: options.config.BODY_LIMIT_BYTES });
  // A line per answered request at the level requestLogLevel gives (refusals and failures; every
  // answer at debug), built only when it is written, after the answer has gone out.
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = requestLogLevel(reply.statusCode, options.config.LOG_LEVEL);
    if (level !== 'silent') {
      // The application's root logger (same destination and redaction), set once the app initialises.
      PinoLogger.root[level]({ req: request.raw, res: reply.raw, requestId: request.id, responseTime: Math.round(reply.elapsedTime), service: 'trta-api' }, level === 'error' ? 'request errored' : 'request completed');
    }
    done();
  });
  // Hooks with a callback, not async: no promise per request (issue 16).
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
    void reply.header('x-request-id', request.id);
    // API answers carry personal data (profiles, applications, the signed-in user): never stored by a
    // browser or proxy cache unless a route says otherwise.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  // Answers above 1 KB in the text formats the API speaks go out brotli- or gzip-compressed as the
  // client accepts (issue 16); PDFs, spreadsheets and files keep their own encoding.
  await app.register(compress, { threshold: COMPRESS_THRESHOLD_BYTES, encodings: ['br', 'gzip'], customTypes: COMPRESSIBLE, globalDecompression: false });
  // Uploads (sheet materials, application documents): one file per request, size checked by each feature.
  await app.register(multipart, { limits: { files: 1, fileSize: options.config.UPLOAD_LIMIT_BYTES, fields: 20 } });
  registerSecurityHeaders(fastify, (url) => (url.startsWith('/admin/') ? QUEUE_DASHBOARD_HEADERS : SECURITY_HEADERS));

  // The browser session: the token in an HttpOnly cookie (with a CSRF cookie), read by the API
  // (identity's JwtAuthenticator) and by the queue dashboard; API clients send a bearer token instead.
  await app.register(cookie);
  const auth = app.get(AuthService, { strict: false });
  await registerQueueDashboard(fastify, {
    queues: Object.values(QueueName).map((name) => app.get(JobQueue).queue(name)),
    verifyToken: async (token) => {
      const user = await auth.verify(token);
      return user ? { role: user.role } : null;
    },
  });

  // Built on the first visit of /docs, not at every start (a second of CPU; issue 16 item 5).
  SwaggerModule.setup('docs', app, () => describeApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  await serveWebApp(fastify);
  return app;
}

/** The OpenAPI document; apps/web/scripts/generate-api-types.mjs types the web app's client from it. */
export function describeApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TRTA Planner API')
      .setDescription('Technical Assistance Plans, activities, participation and audit reports. See DESIGN.md section 5.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorView, FieldProblemView] },
  );
  // Every code a library declared, so that clients can list what they translate.
  // (ErrorView and the refusals that extend it with details.)
  const codes = declaredRefusalCodes();
  for (const schema of Object.values(document.components?.schemas ?? {}) as { properties?: Record<string, { enum?: string[] }> }[]) {
    if (schema.properties?.statusCode && schema.properties.code && schema.properties.params) schema.properties.code.enum = codes;
  }
  // Every route refuses in the one error shape; a route whose refusal carries details declares it too.
  const refusal = { description: 'a refusal, in the one error shape', content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorView) } } } };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (operation) operation.responses.default ??= refusal;
    }
  }
  return document;
}

/** Paths the web app never answers: unknown ones there keep the API's JSON 404. */
const SERVER_PATHS = /^\/(api|docs|admin)(\/|$)/;

/**
 * Serves the built web app (apps/web/dist, from `npm run build:web`) at `/`: its files as they
 * are, and index.html for every other path so client-side routes survive a reload. Skipped
 * when the web app has not been built.
 */
async function serveWebApp(fastify: FastifyInstance): Promise<void> {
  const root = join(projectRoot(), 'apps/web/dist');
  if (!existsSync(join(root, 'index.html'))) return;
  // `npm run build:web` writes x.js.br and x.js.gz beside x.js (vite.config.ts): sent as they are.
  await fastify.register(fastifyStatic, { root, serve: false, preCompressed: true });
  fastify.get('/*', (request, reply) => {
    const path = safeDecode(request.url.split('?')[0]);
    if (path === null || SERVER_PATHS.test(path)) return reply.callNotFound();
    const file = resolve(root, `.${path}`);
    // Source maps are not built for production (vite.config.ts) and never served.
    if (path.endsWith('.map')) return reply.callNotFound();
    if (file.startsWith(root + sep) && isFile(file)) {
      // Vite names built assets by content hash, so they never change under the same name.
      // Anything else (index.html, the favicon) is revalidated on every visit.
      if (path.startsWith('/assets/')) return reply.sendFile(file.slice(root.length + 1), { maxAge: '365d', immutable: true });
      return reply.header('cache-control', 'no-cache').sendFile(file.slice(root.length + 1), { cacheControl: false });
    }
    if (path.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
