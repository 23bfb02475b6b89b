import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Every environment variable the product reads, typed and validated once at boot.
 * `.env.example` documents each of them; nothing else reads `process.env`.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_NAME must be a lowercase SQL identifier' })
  DATABASE_NAME = 'trta';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  POSTGRES_LOCAL_PORT = 5432;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 54329;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  REDIS_LOCAL_PORT = 6379;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_REDIS_PORT = 63790;

  /** Where embedded servers and generated secrets live between runs. */
  @IsString()
  DATA_DIR = '.data';

  /** Required in production; elsewhere a secret is generated once and kept under DATA_DIR. */
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @ValidateIf((config: AppConfig) => config.ADMIN_PASSWORD !== undefined)
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters long' })
  ADMIN_PASSWORD?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Mail server for notifications (smtp:// or smtps://); without it they are kept in the outbox table. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail({}, { message: 'MAIL_FROM must be an email address' })
  MAIL_FROM = 'ittc-noreply@trta.local';

  /** Days before an activity starts when selected participants get a reminder. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  REMINDER_DAYS_BEFORE = 7;

  /** Days after an activity ends when its participants are asked whether they applied what they learned. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  FOLLOW_UP_AFTER_DAYS = 90;

  /** Largest uploaded file accepted (materials, application documents), in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

  /** `npm start` runs the queue worker inside the API process; production runs it apart. */
  @Transform(toBoolean)
  @IsBoolean()
  WORKER_IN_PROCESS = false;

  /** Prefix of every BullMQ key, so that several deployments (or test files) share one Redis. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, - and _ only' })
  QUEUE_PREFIX = 'trta';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 4;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

  /** Failed sign-ins allowed from one client address, across every email, per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For):
   * `none` (default: the address of the connection), a hop count (`1` behind one load balancer),
   * or a comma-separated list of proxy addresses or CIDR ranges.
   */
  @Matches(/^(none|\d{1,2}|[0-9a-fA-F:.\/]+(\s*,\s*[0-9a-fA-F:.\/]+)*)$/, {
    message: 'TRUST_PROXY must be none, a hop count, or a comma-separated list of addresses or CIDR ranges',
  })
  TRUST_PROXY = 'none';

  /** The address people open the app at; links in emails (verification, reset, claim) start with it. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** How long an email verification link works, in hours. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EMAIL_VERIFICATION_TTL_HOURS = 72;

  /** How long a password reset link works, in minutes. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Seconds a checked session is trusted from memory before the database is asked again. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  SESSION_CACHE_SECONDS = 30;

  /** Files one person may keep uploaded, and their total size in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  UPLOAD_QUOTA_FILES = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  UPLOAD_QUOTA_BYTES = 100 * 1024 * 1024;

  /** Uploaded files that nothing refers to after this many days are removed by the worker. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  UNATTACHED_FILE_DAYS = 7;

  /** Run pending migrations when the API starts (off when a release job runs them instead). */
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATE_ON_START = true;

  // --- Faults: what the API and the worker do when Redis or PostgreSQL are away ---

  /** Deepest nesting of objects and arrays a JSON request body may have (deeper: 400 JSON_TOO_DEEP). */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(1000)
  JSON_MAX_DEPTH = 32;

  /** How long a write waits for Redis to take its job after the commit; the worker's relay queues it later otherwise. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  QUEUE_ADD_TIMEOUT_MS = 2000;

  /** How often the worker's relay queues outbox rows and reports left `queued` without a job. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  RELAY_INTERVAL_MS = 60_000;

  /** On SIGTERM/SIGINT the process exits within this time, whatever Redis or PostgreSQL do. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SHUTDOWN_TIMEOUT_MS = 10_000;
}

/**
 * The `trustProxy` setting of the HTTP server, from TRUST_PROXY: false, the proxies' addresses,
 * or for a hop count a function trusting that many hops next to the server (as fastify does for a number).
 */
export function trustProxySetting(config: Pick<AppConfig, 'TRUST_PROXY'>): false | string[] | ((address: string, hop: number) => boolean) {
  const value = config.TRUST_PROXY.trim();
  if (value === 'none') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops === 0 ? false : (_address: string, hop: number) => hop < hops;
  }
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}
