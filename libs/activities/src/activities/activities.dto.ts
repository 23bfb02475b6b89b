import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { HistoryEntryView } from '@trta/http';
import {
  ACTIVITY_FUNDING_SOURCES,
  ACTIVITY_LANGUAGES,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  DELIVERY_MODES,
  type ActivityFundingSource,
  type ActivityLanguage,
  type ActivityStatus,
  type ActivityType,
  type DeliveryMode,
} from './activity.entity';
import { ACTIVITY_ACTIONS, type ActivityAction } from '../activity.policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const upperEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim().toUpperCase() : item)) : value;

/** Money travels as an exact decimal string, never a JS number (numeric(14,2) in PostgreSQL). */
export const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
export const QUARTER = /^\d{4}-Q[1-4]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA3 = /^[A-Z]{3}$/;

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
function IsCalendarDate(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Matches(DATE, { message: `${field} must be a date formatted YYYY-MM-DD` })(target, property);
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${field} must be a valid calendar date` })(target, property);
  };
}

function IsMoney(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsString({ message: `${field} must be a decimal string such as "12500.50", not a number` })(target, property);
    Matches(MONEY, { message: `${field} must be a decimal with at most 12 digits before and 2 after the point, e.g. "12500.50"` })(
      target,
      property,
    );
  };
}

/** Validates when present; `null` is allowed (clears the value). */
const Nullable = () => ValidateIf((_dto: unknown, value: unknown) => value !== null && value !== undefined);
/** Validates when present; `null` is refused like any other wrong value. */
const Optional = () => ValidateIf((_dto: unknown, value: unknown) => value !== undefined);
/** Required when creating; optional (but never null) in a PATCH. */
function RequiredOnCreate(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    ValidateIf((dto: unknown, value: unknown) => value !== undefined || dto instanceof CreateActivityDto)(target, property);
    IsDefined({ message: `${field} is required` })(target, property);
  };
}

/**
 * The fields staff edit, shared by create and update. On update every field is optional; the
 * merged activity is checked again as a whole by the service.
 */
class ActivityFields {
  @ApiProperty({ format: 'uuid' })
  @RequiredOnCreate('productId')
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId?: string;

  @ApiProperty({ maxLength: 300 })
  @RequiredOnCreate('title')
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiProperty({ enum: ACTIVITY_TYPES })
  @RequiredOnCreate('type')
  @IsIn(ACTIVITY_TYPES, { message: `type must be one of: ${ACTIVITY_TYPES.join(', ')}` })
  type?: ActivityType;

  @ApiProperty({ enum: DELIVERY_MODES })
  @RequiredOnCreate('deliveryMode')
  @IsIn(DELIVERY_MODES, { message: `deliveryMode must be one of: ${DELIVERY_MODES.join(', ')}` })
  deliveryMode?: DeliveryMode;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 3, nullable: true })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(3)
  plsLevel?: number | null;

  @ApiProperty({ enum: ACTIVITY_LANGUAGES, isArray: true, description: 'the first is the main language' })
  @RequiredOnCreate('languages')
  @IsArray()
  @ArrayMinSize(1, { message: 'languages must list at least one of en, fr, es' })
  @ArrayUnique()
  @IsIn(ACTIVITY_LANGUAGES, { each: true, message: `languages must be among: ${ACTIVITY_LANGUAGES.join(', ')}` })
  languages?: ActivityLanguage[];

  @ApiProperty({ type: [String], description: 'codes of /api/reference/topics', example: ['trade_facilitation'] })
  @RequiredOnCreate('topics')
  @IsArray()
  @ArrayMinSize(1, { message: 'topics must list at least one topic' })
  @ArrayMaxSize(16)
  @ArrayUnique()
  @IsString({ each: true })
  topics?: string[];

  @ApiProperty({ description: 'a code of /api/reference/divisions', example: 'ITTC' })
  @RequiredOnCreate('leadDivision')
  @Transform(upper)
  @IsString()
  @MaxLength(20)
  leadDivision?: string;

  @ApiPropertyOptional({ type: [String], description: 'alpha-3 codes; national: exactly one, regional: one or more, global: none' })
  @Optional()
  @Transform(upperEach)
  @IsArray()
  @ArrayMaxSize(300)
  @ArrayUnique()
  @Matches(ALPHA3, { each: true, message: 'beneficiaryCountries must be ISO 3166-1 alpha-3 codes' })
  beneficiaryCountries?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'required for a regional activity; a code of /api/reference/regions' })
  @Nullable()
  @IsString()
  @MaxLength(40)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-Q2' })
  @Nullable()
  @Matches(QUARTER, { message: 'plannedQuarter must look like 2026-Q2' })
  plannedQuarter?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @IsCalendarDate('startDate')
  startDate?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @IsCalendarDate('endDate')
  endDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Nullable()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  venueCity?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'alpha-3' })
  @Nullable()
  @Transform(upper)
  @Matches(ALPHA3, { message: 'venueCountry must be an ISO 3166-1 alpha-3 code' })
  venueCountry?: string | null;

  @ApiProperty({ minimum: 1 })
  @RequiredOnCreate('capacity')
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'before startDate' })
  @Nullable()
  @IsCalendarDate('applicationDeadline')
  applicationDeadline?: string | null;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  requiresNomination?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 2 })
  @Optional()
  @IsInt()
  @Min(1, { message: 'nominationQuota must be at least 1' })
  @Max(1000)
  nominationQuota?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 3, nullable: true })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(3)
  prerequisiteLevel?: number | null;

  @ApiPropertyOptional({ type: [String], description: 'ids of the plan key results' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'keyResults must be UUIDs' })
  keyResults?: string[];

  @ApiProperty({ example: '45000.00' })
  @RequiredOnCreate('budgetPlanned')
  @IsMoney('budgetPlanned')
  budgetPlanned?: string;

  @ApiPropertyOptional({ type: String, example: '43120.75', nullable: true })
  @Nullable()
  @IsMoney('budgetActual')
  budgetActual?: string | null;

  @ApiPropertyOptional({ enum: ACTIVITY_FUNDING_SOURCES, description: "defaults to the product's" })
  @Optional()
  @IsIn(ACTIVITY_FUNDING_SOURCES, { message: `fundingSource must be one of: ${ACTIVITY_FUNDING_SOURCES.join(', ')}` })
  fundingSource?: ActivityFundingSource;

  @ApiPropertyOptional({ type: [String], example: ['WCO', 'UNCTAD'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  partners?: string[];
}

export class CreateActivityDto extends ActivityFields {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'planId must be a UUID' })
  planId!: string;

  // Required here (see RequiredOnCreate); redeclared for the type only.
  declare productId: string;
  declare title: string;
  declare type: ActivityType;
  declare deliveryMode: DeliveryMode;
  declare languages: ActivityLanguage[];
  declare topics: string[];
  declare leadDivision: string;
  declare capacity: number;
  declare budgetPlanned: string;
}

export class UpdateActivityDto extends ActivityFields {
  @ApiProperty({ description: 'the version this change is based on (from the last read)' })
  @IsInt({ message: 'version must be the whole number of the version you read' })
  @Min(1)
  version!: number;
}

export type ActivityFieldName = keyof ActivityFields;

/** An activity as the API shows it, with the `version` a PATCH must carry. */
export class ActivityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TA-2026-0042' })
  code!: string;

  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty({ format: 'uuid' })
  productId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ACTIVITY_TYPES, enumName: 'ActivityType' })
  type!: ActivityType;

  @ApiProperty({ enum: DELIVERY_MODES, enumName: 'DeliveryMode' })
  deliveryMode!: DeliveryMode;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 3 })
  plsLevel!: number | null;

  @ApiProperty({ enum: ACTIVITY_LANGUAGES, enumName: 'Language', isArray: true, description: 'the first is the main language' })
  languages!: ActivityLanguage[];

  @ApiProperty({ type: [String], description: 'codes of /api/reference/topics' })
  topics!: string[];

  @ApiProperty({ description: 'a code of /api/reference/divisions' })
  leadDivision!: string;

  @ApiProperty({ type: [String], description: 'alpha-3 codes' })
  beneficiaryCountries!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'a code of /api/reference/regions' })
  region!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-Q2' })
  plannedQuarter!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  venueCity!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'alpha-3' })
  venueCountry!: string | null;

  @ApiProperty()
  capacity!: number;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  applicationDeadline!: string | null;

  @ApiProperty()
  requiresNomination!: boolean;

  @ApiProperty({ description: 'most endorsed applications per country' })
  nominationQuota!: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 3 })
  prerequisiteLevel!: number | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'ids of the plan key results' })
  keyResults!: string[];

  @ApiProperty({ description: 'CHF, exact decimal string', example: '45000.00' })
  budgetPlanned!: string;

  @ApiProperty({ type: String, nullable: true, description: 'CHF, exact decimal string', example: '43120.75' })
  budgetActual!: string | null;

  @ApiProperty({ enum: ACTIVITY_FUNDING_SOURCES, enumName: 'FundingSource' })
  fundingSource!: ActivityFundingSource;

  @ApiProperty({ type: [String] })
  partners!: string[];

  @ApiProperty({ enum: ACTIVITY_STATUSES, enumName: 'ActivityStatus' })
  status!: ActivityStatus;

  @ApiProperty({ type: String, nullable: true, description: 'why it was cancelled or postponed' })
  statusReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the activity sheet was published' })
  sheetPublishedAt!: Date | null;

  @ApiProperty({ description: 'bumped by every change; a PATCH carries the one it read' })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy!: string | null;

  @ApiProperty({ enum: ACTIVITY_ACTIONS, enumName: 'ActivityAction', isArray: true, description: 'what the caller may do now' })
  allowedActions!: ActivityAction[];
}

/** An activity as read from the database, before the caller's `allowedActions` are added. */
export type ActivityRecord = Omit<ActivityView, 'allowedActions'>;

export class ActivityHistoryView extends HistoryEntryView {
  @ApiProperty({ description: '`create`, `update`, a lifecycle action (`confirm`, `open`, ...), `auto-close`, `back-to-office-report`, `clone`, `sheet-...`' })
  action!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what changed; edits as { field: { from, to } }',
    example: { title: { from: 'Old title', to: 'New title' } },
  })
  changes!: Record<string, unknown>;
}
