import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@trta/config';
import { DomainException, refuseNul } from '@trta/http';
import { FileRefusals as R } from './files.refusals';
import { safeFilename } from './media-types';

/** What the API says about a stored file. */
export interface StoredFileInfo {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
}

/** A file read from a multipart request and checked, not yet stored; with the request's text fields. */
export interface ReceivedUpload {
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  /** The multipart text fields, wherever they came in the body (before or after the file). */
  fields: Record<string, string>;
}

export interface UploadOptions {
  /** Media types accepted, as detected from the content. */
  allowed: readonly string[];
  uploadedBy: string | null;
}

export interface OpenedFile extends StoredFileInfo {
  content: Buffer;
}

function returnedRowCount(result: unknown): number {
  return Array.isArray(result) && result.length === 2 && typeof result[1] === 'number' ? result[1] : 0;
}

type FileTypeModule = typeof import('file-type');
let fileTypeModule: Promise<FileTypeModule> | undefined;
/** `file-type` is published as an ES module only; this CommonJS build loads it once, on first use. */
function loadFileType(): Promise<FileTypeModule> {
  fileTypeModule ??= import('file-type');
  return fileTypeModule;
}

const STORED_FILE_COLUMNS = 'id, filename, media_type AS "mediaType", size_bytes AS "sizeBytes"';

/**
 * Generic upload handling for every feature that takes a file (sheet materials, application
 * documents, national requests): one file per multipart request, within the configured size,
 * of a type detected from its bytes — the name and the declared type are never trusted.
 */
@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Reads, checks and stores the request's file in one go; `fields` are the request's text fields. */
  async storeUpload(request: FastifyRequest, options: UploadOptions): Promise<StoredFileInfo & { fields: Record<string, string> }> {
    const upload = await this.readUpload(request, options.allowed);
    return { ...(await this.save(upload, options.uploadedBy)), fields: upload.fields };
  }

  /**
   * Reads the one file of a multipart request and its text fields, and checks its size and its
   * detected type. Nothing is stored yet, so a caller can validate the fields first and store
   * the file in the same transaction as the record that refers to it.
   */
  async readUpload(request: FastifyRequest, allowed: readonly string[]): Promise<ReceivedUpload> {
    if (!request.isMultipart()) {
      throw new DomainException(R.MULTIPART_REQUIRED, 'this endpoint takes a file: send it as multipart/form-data with one file part');
    }
    const fields: Record<string, string> = {};
    let file: { filename: string; content: Buffer; truncated: boolean } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const filePart = part as MultipartFile;
          const content = await filePart.toBuffer();
          file = { filename: filePart.filename, content, truncated: filePart.file.truncated };
        } else {
          fields[part.fieldname] = String((part as MultipartValue).value ?? '');
        }
      }
    } catch (error) {
      throw this.describeMultipartError(error);
    }
    // The global input guard sees JSON bodies only: a form's text fields are checked here, as
    // PostgreSQL cannot store a NUL in text.
    refuseNul(fields, 'body');
    if (!file) throw new DomainException(R.FILE_MISSING, 'the request has no file: send one file part in the multipart body');
    if (file.truncated || file.content.length > this.config.UPLOAD_LIMIT_BYTES) throw this.tooLarge();
    if (file.content.length === 0) throw new DomainException(R.FILE_EMPTY, 'the file is empty');

    const { fileTypeFromBuffer } = await loadFileType();
    const detected = await fileTypeFromBuffer(file.content);
    if (!detected || !allowed.includes(detected.mime)) {
      const what = detected
        ? `the file's content is ${detected.mime}`
        : 'the type of the file could not be recognised from its content';
      throw new DomainException(R.FILE_TYPE_NOT_ACCEPTED, `${what}, which is not accepted here; accepted types: ${allowed.join(', ')}`, {
        mediaType: detected?.mime ?? null,
        accepted: [...allowed],
      });
    }
    return {
      filename: safeFilename(file.filename, detected.mime, detected.ext),
      mediaType: detected.mime,
      sizeBytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      fields,
    };
  }

  /** Stores a checked upload; pass the caller's transaction to store it together with what refers to it. */
  async save(upload: ReceivedUpload, uploadedBy: string | null, manager: EntityManager = this.dataSource.manager): Promise<StoredFileInfo> {
    if (uploadedBy && !manager.queryRunner?.isTransactionActive) {
      return this.dataSource.transaction((inner) => this.save(upload, uploadedBy, inner));
    }
    if (uploadedBy) await this.assertQuota(manager, uploadedBy, upload.sizeBytes);
    const [stored] = (await manager.query(
      `INSERT INTO stored_files (filename, media_type, size_bytes, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${STORED_FILE_COLUMNS}`,
      [upload.filename, upload.mediaType, upload.sizeBytes, upload.sha256, upload.content, uploadedBy],
    )) as StoredFileInfo[];
    return stored;
  }

  /**
   * Deletes those of the files given that nothing refers to any more, in the caller's transaction.
   * Files are shared (a clone's materials share the original's), so one goes only once unused.
   */
  async removeUnused(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM stored_files f WHERE f.id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM application_documents d WHERE d.file_id = f.id)
         AND NOT EXISTS (SELECT 1 FROM sheet_materials m WHERE m.file_id = f.id)
         AND NOT EXISTS (SELECT 1 FROM request_documents r WHERE r.file_id = f.id)
         AND NOT EXISTS (SELECT 1 FROM audit_report_exports e WHERE e.file_id = f.id)`,
      [ids],
    );
  }

  /**
   * The upload quota of applicants (UPLOAD_QUOTA_FILES, UPLOAD_QUOTA_BYTES over every file they
   * keep), checked under a per-person lock so that parallel uploads cannot pass it together.
   * Staff, whose uploads are the product's own materials, have none.
   */
  private async assertQuota(manager: EntityManager, userId: string, sizeBytes: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('trta:upload-quota:' || $1))`, [userId]);
    const [use] = (await manager.query(
      `SELECT u.role, count(f.id)::int AS files, coalesce(sum(f.size_bytes), 0)::bigint::text AS bytes
       FROM users u LEFT JOIN stored_files f ON f.uploaded_by = u.id WHERE u.id = $1 GROUP BY u.role`,
      [userId],
    )) as { role: string; files: number; bytes: string }[];
    if (!use || use.role !== 'applicant') return;
    const usedBytes = Number(use.bytes);
    const { UPLOAD_QUOTA_FILES: limitFiles, UPLOAD_QUOTA_BYTES: limitBytes } = this.config;
    if (use.files + 1 > limitFiles || usedBytes + sizeBytes > limitBytes) {
      throw new DomainException(
        R.UPLOAD_QUOTA_EXCEEDED,
        `you keep ${use.files} files (${usedBytes} bytes); the limit is ${limitFiles} files and ${limitBytes} bytes: remove files you no longer need`,
        { limitFiles, limitBytes, usedFiles: use.files, usedBytes },
      );
    }
  }

  /**
   * Removes uploads older than UNATTACHED_FILE_DAYS that nothing refers to (an application
   * document uploaded and never submitted, ...). What refers to a file is read from the
   * database's foreign keys to stored_files, so a table added later is counted without a change here.
   */
  async removeUnattached(days = this.config.UNATTACHED_FILE_DAYS): Promise<number> {
    const references = (await this.dataSource.query(
      `SELECT cl.relname AS "table", att.attname AS "column"
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
       WHERE con.contype = 'f' AND con.confrelid = 'stored_files'::regclass AND cardinality(con.conkey) = 1`,
    )) as { table: string; column: string }[];
    const unreferenced = references
      .map((ref) => `AND NOT EXISTS (SELECT 1 FROM "${ref.table.replace(/"/g, '""')}" r WHERE r."${ref.column.replace(/"/g, '""')}" = f.id)`)
      .join(' ');
    const removed = returnedRowCount(
      await this.dataSource.query(
        `DELETE FROM stored_files f WHERE f.created_at < now() - make_interval(days => $1) ${unreferenced} RETURNING f.id`,
        [days],
      ),
    );
    return removed;
  }

  async info(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredFileInfo> {
    const [stored] = (await manager.query(`SELECT ${STORED_FILE_COLUMNS} FROM stored_files WHERE id = $1`, [id])) as StoredFileInfo[];
    if (!stored) throw new DomainException(R.FILE_NOT_FOUND, `File ${id} not found`, { fileId: id });
    return stored;
  }

  /** The file's metadata and content, for streaming it back with its own type. */
  async open(id: string): Promise<OpenedFile> {
    const [stored] = (await this.dataSource.query(`SELECT ${STORED_FILE_COLUMNS}, content FROM stored_files WHERE id = $1`, [
      id,
    ])) as OpenedFile[];
    if (!stored) throw new DomainException(R.FILE_NOT_FOUND, `File ${id} not found`, { fileId: id });
    return stored;
  }

  private tooLarge(): DomainException {
    return new DomainException(R.FILE_TOO_LARGE, `the file is larger than the limit of ${this.config.UPLOAD_LIMIT_BYTES} bytes`, {
      limitBytes: this.config.UPLOAD_LIMIT_BYTES,
    });
  }

  /** @fastify/multipart reports its limits as FST_* errors; say which limit in the client's terms. */
  private describeMultipartError(error: unknown): unknown {
    switch ((error as { code?: unknown })?.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return this.tooLarge();
      case 'FST_FILES_LIMIT':
        return new DomainException(R.TOO_MANY_FILES, 'send one file per request');
      case 'FST_FIELDS_LIMIT':
      case 'FST_PARTS_LIMIT':
        return new DomainException(R.TOO_MANY_FIELDS, 'the request has too many form fields');
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return new DomainException(R.MULTIPART_REQUIRED, 'this endpoint takes a file: send it as multipart/form-data with one file part');
      default:
        if (error instanceof Error && /multipart|Unexpected end of form|terminated early/i.test(error.message)) {
          return new DomainException(R.MULTIPART_MALFORMED, 'the multipart body is malformed');
        }
        return error;
    }
  }
}
