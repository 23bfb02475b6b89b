import { selectList, type FieldMap } from '@trta/database';
import { Injectable, type Type } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { FilesService, MEDIA_TYPES, type OpenedFile } from '@trta/files';
import { createValidationPipe, decodeCursor, DomainException, historyPage, HttpRefusals, invalidCursor, Page, toPage, type AuthUser, type HistoryEntryView } from '@trta/http';
import {
  assertKnownTopics,
  assertQuarterAhead,
  fieldRefused,
  findRequest,
  lockRequest,
  selectRows,
  recordRequestHistory,
  REQUEST_FORM_COLUMNS,
  REQUEST_FROM,
  REQUEST_SUMMARY_FIELDS,
  requestViewer,
  withActions,
  type RequestSummaryRow,
} from './request-queries';
import { assertTransition } from './request.policy';
import { RequestRefusals } from './requests.refusals';
import { CreateRequestDto, ListRequestsQueryDto, RequestHistoryView, RequestSummary, RequestView, UpdateRequestDto } from './requests.dto';

/** What the official letter may be, as detected from its content. */
export const LETTER_MEDIA_TYPES = [MEDIA_TYPES.pdf, MEDIA_TYPES.docx, MEDIA_TYPES.png, MEDIA_TYPES.jpeg] as const;

/** The same validation as the global pipe, for the form fields this endpoint reads itself. */
const validation = createValidationPipe();
function validated<T>(metatype: Type<T>, value: unknown): Promise<T> {
  return validation.transform(value ?? {}, { type: 'body', metatype }) as Promise<T>;
}

/** Fields whose form value may be a JSON list; topics also take comma-separated codes. */
function formValues(fields: Record<string, string>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...fields };
  for (const key of ['topics', 'contacts'] as const) {
    if (!(key in fields)) continue;
    const raw = fields[key].trim();
    if (raw.startsWith('[') || raw.startsWith('{')) {
      try {
        values[key] = JSON.parse(raw);
      } catch {
        throw fieldRefused(key, 'INVALID_JSON', `${key} is not valid JSON`);
      }
    } else if (key === 'topics') {
      values[key] = raw.split(',').map((code) => code.trim()).filter(Boolean);
    } else {
      throw fieldRefused('contacts', 'IS_ARRAY', 'contacts must be a JSON array of {name, email, role}');
    }
  }
  if ('expectedParticipants' in fields && /^\s*-?\d{1,9}\s*$/.test(fields.expectedParticipants)) {
    values.expectedParticipants = Number(fields.expectedParticipants);
  }
  return values;
}

/** The (created_at, id) a cursor of the list holds; anything else is INVALID_CURSOR. */
function listCursor(cursor: string): [string, string] {
  const [at, lastId] = decodeCursor(cursor, 2);
  if (typeof at !== 'string' || typeof lastId !== 'string' || !/^[0-9a-f-]{36}$/i.test(lastId) || Number.isNaN(Date.parse(at))) {
    throw invalidCursor();
  }
  return [at, lastId];
}

/** What a request's history records beyond the entry's id, time, user and action. */
const HISTORY_FIELDS: FieldMap<Omit<RequestHistoryView, keyof HistoryEntryView | 'action'>> = {
  fromStatus: 'from_status',
  toStatus: 'to_status',
  details: 'details',
};

type FormField = keyof typeof REQUEST_FORM_COLUMNS;

/** The given form fields as [column, value to store, field], in the order of REQUEST_FORM_COLUMNS. */
function formColumns(dto: Partial<Pick<UpdateRequestDto, FormField>>): [string, unknown, FormField][] {
  const values: Record<FormField, unknown> = {
    ...dto,
    contacts: dto.contacts && JSON.stringify(dto.contacts.map(({ name, email, role }) => ({ name, email, role }))),
  } as Record<FormField, unknown>;
  return (Object.keys(REQUEST_FORM_COLUMNS) as FormField[])
    .filter((field) => values[field] !== undefined)
    .map((field) => [REQUEST_FORM_COLUMNS[field], values[field], field]);
}

/** The focal point's side of national requests: submit, edit, withdraw, and what each may read. */
@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
  ) {}

  /**
   * A multipart form: the fields of CreateRequestDto and one file part, the official letter.
   * The country is the focal point's own; the letter is stored in the same transaction as the request.
   */
  async create(httpRequest: FastifyRequest, user: AuthUser): Promise<RequestView> {
    const viewer = await requestViewer(this.dataSource.manager, user);
    const country = viewer.country;
    if (!country) throw new DomainException(RequestRefusals.FOCAL_POINT_ONLY, 'only a focal point submits a national request, for their own country');
    const upload = await this.files.readUpload(httpRequest, LETTER_MEDIA_TYPES);
    const dto = await validated(CreateRequestDto, formValues(upload.fields));
    await assertKnownTopics(this.dataSource.manager, dto.topics);
    assertQuarterAhead(dto.preferredQuarter);
    return this.dataSource.transaction(async (manager) => {
      const file = await this.files.save(upload, user.id, manager);
      const form = formColumns(dto);
      const [{ id }] = (await manager.query(
        `INSERT INTO national_requests (country, requested_by, ${form.map(([column]) => column).join(', ')})
         VALUES ($1, $2, ${form.map((_, index) => `$${index + 3}`).join(', ')}) RETURNING id`,
        [country, user.id, ...form.map(([, value]) => value)],
      )) as { id: string }[];
      await manager.query(`INSERT INTO request_documents (request_id, kind, file_id) VALUES ($1, 'official_letter', $2)`, [id, file.id]);
      await recordRequestHistory(manager, id, user.id, 'submit', null, 'submitted', { officialLetter: file });
      return findRequest(manager, id, viewer);
    });
  }

  /** Until review starts, the country's focal point may change any field; a given stale `version` is a 409. */
  async update(id: string, dto: UpdateRequestDto, user: AuthUser): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = await requestViewer(manager, user);
      const locked = await lockRequest(manager, id, viewer);
      assertTransition('edit', locked.status);
      if (dto.version !== undefined && dto.version !== locked.version) {
        throw new DomainException(
          HttpRefusals.STALE_VERSION,
          `request was changed by someone else (current version ${locked.version})`,
          { currentVersion: locked.version },
          { currentVersion: locked.version },
        );
      }
      await assertKnownTopics(manager, dto.topics);
      assertQuarterAhead(dto.preferredQuarter);
      const given = formColumns(dto);
      if (given.length === 0) return findRequest(manager, id, viewer);
      const before = await findRequest(manager, id, viewer);
      await manager.query(
        `UPDATE national_requests SET ${given.map(([column], index) => `${column} = $${index + 2}`).join(', ')},
           version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ...given.map(([, value]) => value)],
      );
      const changes = Object.fromEntries(given.map(([, , field]) => [field, { from: before[field], to: dto[field] }]));
      await recordRequestHistory(manager, id, user.id, 'edit', locked.status, locked.status, changes);
      return findRequest(manager, id, viewer);
    });
  }

  /** The country's focal point takes the request back, any time before the committee decides. */
  async withdraw(id: string, user: AuthUser): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = await requestViewer(manager, user);
      const locked = await lockRequest(manager, id, viewer);
      assertTransition('withdraw', locked.status);
      await manager.query(`UPDATE national_requests SET status = 'withdrawn', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      await recordRequestHistory(manager, id, user.id, 'withdraw', locked.status, 'withdrawn');
      return findRequest(manager, id, viewer);
    });
  }

  async get(id: string, user: AuthUser): Promise<RequestView> {
    return findRequest(this.dataSource.manager, id, await requestViewer(this.dataSource.manager, user));
  }

  /** Newest first, by keyset on (created_at, id); a focal point sees only their country's. */
  async list(query: ListRequestsQueryDto, user: AuthUser): Promise<Page<RequestSummary>> {
    const viewer = await requestViewer(this.dataSource.manager, user);
    const scope = viewer.country;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (scope) conditions.push(`r.country = ${param(scope)}::char(3)`);
    else if (query.country) conditions.push(`r.country = ${param(query.country)}::char(3)`);
    if (query.status) conditions.push(`r.status = ${param(query.status)}`);
    if (query.cursor) {
      const [at, lastId] = listCursor(query.cursor);
      conditions.push(`(r.created_at, r.id) < (${param(at)}::timestamptz, ${param(lastId)}::uuid)`);
    }
    const rows = await selectRows<RequestSummaryRow & { cursorAt: string }>(
      this.dataSource.manager,
      { ...REQUEST_SUMMARY_FIELDS, cursorAt: `to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` },
      null,
      (select) => `SELECT ${select}
       FROM ${REQUEST_FROM}
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY r.created_at DESC, r.id DESC LIMIT ${param(query.limit + 1)}`,
      params,
    );
    const page = toPage(rows, query.limit, (row) => [row.cursorAt, row.id]);
    return { items: page.items.map(({ cursorAt: _cursorAt, ...item }) => withActions(item, viewer)), nextCursor: page.nextCursor };
  }

  async history(id: string, user: AuthUser): Promise<{ items: RequestHistoryView[] }> {
    await findRequest(this.dataSource.manager, id, await requestViewer(this.dataSource.manager, user));
    const { items } = await historyPage<RequestHistoryView>(this.dataSource.manager, {
      table: 'request_history',
      keyColumn: 'request_id',
      id,
      columns: selectList(HISTORY_FIELDS, 'h'),
    });
    return { items };
  }

  async officialLetter(id: string, user: AuthUser): Promise<OpenedFile> {
    const request = await findRequest(this.dataSource.manager, id, await requestViewer(this.dataSource.manager, user));
    const letter = request.documents.find((document) => document.kind === 'official_letter');
    if (!letter) throw new DomainException(RequestRefusals.LETTER_MISSING, `Request ${id} has no official letter`, { requestId: id });
    return this.files.open(letter.fileId);
  }
}
