import { declareRefusals } from '@trta/http';

/** Refusals of uploads, stored files and CSV import files. */
export const FileRefusals = declareRefusals({
  FILE_NOT_FOUND: 404,
  FILE_MISSING: 400,
  FILE_EMPTY: 400,
  MULTIPART_MALFORMED: 400,
  CSV_INVALID: 400,
  CSV_HEADER_INVALID: 400,
  CSV_EMPTY: 400,
  CSV_TOO_MANY_ROWS: 400,
  FILE_TOO_LARGE: 413,
  /** The person keeps too many uploaded files, or too many bytes (params: limits and use). */
  UPLOAD_QUOTA_EXCEEDED: 413,
  TOO_MANY_FILES: 413,
  TOO_MANY_FIELDS: 413,
  MULTIPART_REQUIRED: 415,
  FILE_TYPE_NOT_ACCEPTED: 415,
  CSV_REQUIRED: 415,
});
