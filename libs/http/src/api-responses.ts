import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty } from '@nestjs/swagger';
import type { Page } from './pagination';

/*
 * What a route answers, declared for the OpenAPI document: the web app's client is typed from
 * it (apps/web/src/api/schema.d.ts), and the end-to-end tests check every JSON answer against
 * it (test/support/response-schemas.ts). Bodies are `*View` classes beside each feature's DTOs,
 * which are at once the services' return types and the document's schemas. Use Nest's own
 * `ApiOkResponse({ type })`, `ApiCreatedResponse`, `ApiAcceptedResponse`, `ApiNoContentResponse`
 * for single bodies, and these for pages and files.
 */

const pages = new Map<Type, Type>();

/** `{ items: Item[], nextCursor }`, one schema per item class, named `<Item>Page`. */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<T>>;
  class ItemPage implements Page<T> {
    items!: T[];
    nextCursor!: string | null;
  }
  ApiProperty({ type: [item] })(ItemPage.prototype, 'items');
  ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' })(ItemPage.prototype, 'nextCursor');
  Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
  pages.set(item, ItemPage);
  return ItemPage;
}

/** 200 with a keyset page of `item`. */
export function ApiPageResponse(item: Type, description?: string): MethodDecorator & ClassDecorator {
  return ApiOkResponse({ type: PageOf(item), description });
}

/** 200 with a file of one of these media types (a download, not JSON). */
export function ApiFileResponse(...mediaTypes: [string, ...string[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: mediaTypes.join(', ') }),
  );
}

const lists = new Map<Type, Type>();

/** `{ items: Item[] }`: a whole list in one answer (reference data, a framework), named `<Item>List`. */
export function ListOf<T>(item: Type<T>): Type<{ items: T[] }> {
  const known = lists.get(item);
  if (known) return known as Type<{ items: T[] }>;
  class ItemList {
    items!: T[];
  }
  ApiProperty({ type: [item] })(ItemList.prototype, 'items');
  Object.defineProperty(ItemList, 'name', { value: `${item.name}List` });
  lists.set(item, ItemList);
  return ItemList;
}

/** 200 with `{ items }`, the whole list at once. */
export function ApiListResponse(item: Type, description?: string): MethodDecorator & ClassDecorator {
  return ApiOkResponse({ type: ListOf(item), description });
}

/** One field's problem in a 400. */
export class FieldProblemView {
  @ApiProperty({ example: 'profile.email', description: 'dotted path of the field in the body, query or path' })
  field!: string;

  @ApiProperty({ example: 'IS_EMAIL', description: 'the constraint the value broke, e.g. IS_NOT_EMPTY, MAX_LENGTH, UNKNOWN_FIELD' })
  code!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the constraint\'s arguments, e.g. { max: 200 }' })
  params!: Record<string, unknown>;
}

/** The one error shape of every refusal (DESIGN section 5); some routes add details beside it. */
export class ErrorView {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({ description: 'the refusal\'s stable name, which clients translate (every code is listed)', example: 'ACTIVITY_FULL' })
  code!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'values for the translation of `code`, e.g. { activityCode, capacity }' })
  params!: Record<string, unknown>;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'an English sentence for API users; a 400 lists every problem, each starting with the field it names' })
  message!: string | string[];

  @ApiProperty({ type: () => [FieldProblemView], required: false, description: 'a 400 (VALIDATION_FAILED): each field\'s problem' })
  problems?: FieldProblemView[];

  @ApiProperty({ description: 'the id of the request in the logs (also the x-request-id header)' })
  requestId!: string;
}

/** Who did what when: the fields every history entry has (plans, activities, national requests). */
export class HistoryEntryView {
  @ApiProperty({ description: 'sequence number of the entry' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system, or once the account was erased' })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userEmail!: string | null;
}
