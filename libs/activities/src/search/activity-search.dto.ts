import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@trta/http';
import { ActivityView, type ActivityRecord } from '../activities/activities.dto';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, DELIVERY_MODES, type ActivityStatus, type ActivityType, type DeliveryMode } from '../activities/activity.entity';

export const SORT_FIELDS = ['startDate', 'code', 'title', 'createdAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const ACTIVITY_SORTS = SORT_FIELDS.flatMap((field) => [field, `-${field}`]) as ActivitySort[];
export type ActivitySort = SortField | `-${SortField}`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA3 = /^[A-Z]{3}$/;

/** `status=a,b` and `status=a&status=b` both give ['a', 'b']. */
const commaList = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((item: unknown) => (typeof item === 'string' ? item.split(',') : [item]))
        .map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
        .filter((item: unknown) => item !== '');
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const given = () => ValidateIf((_dto: unknown, value: unknown) => value !== undefined);

function IsCalendarDate(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Matches(DATE, { message: `${field} must be a date formatted YYYY-MM-DD` })(target, property);
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${field} must be a valid calendar date` })(target, property);
  };
}

function IsList(field: string, allowed: readonly string[]): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    given()(target, property);
    Transform(commaList)(target, property);
    IsArray({ message: `${field} must be a comma-separated list` })(target, property);
    ArrayMinSize(1, { message: `${field} must name at least one value` })(target, property);
    ArrayMaxSize(allowed.length, { message: `${field} lists too many values` })(target, property);
    IsIn(allowed, { each: true, message: `${field} must be among: ${allowed.join(', ')}` })(target, property);
  };
}

/**
 * The filters the activity search and the public catalogue declare alike. Their other filters
 * share names but not meaning (lists here, single values there; the catalogue's country always
 * takes global activities in), so each declares its own.
 */
export class ActivityFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 3 })
  @given()
  @Type(() => Number)
  @IsInt({ message: 'plsLevel must be 1, 2 or 3' })
  @Min(1, { message: 'plsLevel must be 1, 2 or 3' })
  @Max(3, { message: 'plsLevel must be 1, 2 or 3' })
  plsLevel?: number;
}

/** GET /api/activities: every filter is optional; unknown parameters are refused by the global pipe. */
export class ActivitySearchQueryDto extends ActivityFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @given()
  @IsUUID('all', { message: 'planId must be a UUID' })
  planId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @given()
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId?: string;

  @ApiPropertyOptional({ description: `comma-separated or repeated: ${ACTIVITY_STATUSES.join(', ')}` })
  @IsList('status', ACTIVITY_STATUSES)
  status?: ActivityStatus[];

  @ApiPropertyOptional({ description: `comma-separated or repeated: ${ACTIVITY_TYPES.join(', ')}` })
  @IsList('type', ACTIVITY_TYPES)
  type?: ActivityType[];

  @ApiPropertyOptional({ description: `comma-separated or repeated: ${DELIVERY_MODES.join(', ')}` })
  @IsList('deliveryMode', DELIVERY_MODES)
  deliveryMode?: DeliveryMode[];

  @ApiPropertyOptional({ description: 'a code of /api/reference/regions' })
  @given()
  @IsString({ message: 'region must be a region code' })
  @Length(1, 40, { message: 'region must be a region code' })
  region?: string;

  @ApiPropertyOptional({ description: 'alpha-3; activities whose beneficiary countries include it' })
  @given()
  @Transform(upper)
  @Matches(ALPHA3, { message: 'country must be an ISO 3166-1 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ default: false, description: 'with country: also global activities, which are open to every country' })
  @given()
  @Transform(booleanText)
  @IsBoolean({ message: 'includeGlobal must be true or false' })
  includeGlobal?: boolean;

  @ApiPropertyOptional({ description: 'topic codes, comma-separated or repeated; an activity must have all of them' })
  @given()
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1, { message: 'topic must name at least one topic' })
  @ArrayMaxSize(16, { message: 'topic lists too many topics' })
  @IsString({ each: true })
  @MaxLength(60, { each: true, message: 'topic codes are at most 60 characters' })
  topic?: string[];

  @ApiPropertyOptional({ format: 'date', description: 'activities running on or after this day' })
  @given()
  @IsCalendarDate('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'activities running on or before this day' })
  @given()
  @IsCalendarDate('to')
  to?: string;

  @ApiPropertyOptional({ description: 'words to find in the title or the activity sheet in any language (web search syntax: "a phrase", or, -word), or an activity code or a part of one (TA-2027-0049, 2027-0049)' })
  @given()
  @Transform(trim)
  @IsString({ message: 'q must be text' })
  @Length(1, 200, { message: 'q must be 1 to 200 characters' })
  q?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_SORTS, default: 'startDate', description: 'a leading - sorts descending; undated activities come last' })
  @given()
  @IsIn(ACTIVITY_SORTS, { message: `sort must be one of: ${ACTIVITY_SORTS.join(', ')}` })
  sort: ActivitySort = 'startDate';
}

/** The activity's fields a row of the activities list shows. */
export const ACTIVITY_LIST_FIELDS = [
  'id',
  'code',
  'title',
  'status',
  'type',
  'deliveryMode',
  'plsLevel',
  'languages',
  'topics',
  'region',
  'beneficiaryCountries',
  'startDate',
  'endDate',
  'venueCity',
  'venueCountry',
  'capacity',
  'applicationDeadline',
  'planId',
  'productId',
  'budgetPlanned',
  'budgetActual',
] as const satisfies readonly (keyof ActivityRecord)[];

/** One row of the activities list. */
export class ActivityListItemView extends PickType(ActivityView, [...ACTIVITY_LIST_FIELDS, 'allowedActions'] as const) {}

/** GET /api/activities/count: the list's filters, without paging or sort. */
export class ActivityCountQueryDto extends OmitType(ActivitySearchQueryDto, ['limit', 'cursor', 'sort'] as const) {}

/** How many activities match the filters (the list shows it above its rows). */
export class ActivityCountView {
  @ApiProperty({ minimum: 0 })
  total!: number;
}
