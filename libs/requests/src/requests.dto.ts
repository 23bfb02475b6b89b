import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ACTIVITY_TYPES, type ActivityType } from '@trta/activities';
import { HistoryEntryView, PageQueryDto } from '@trta/http';
import { PlanView } from '@trta/plans';
import { CountryView } from '@trta/reference';
import { RequestContact } from './national-request.entity';
import {
  REQUEST_ACTIONS,
  REQUEST_HISTORY_ACTIONS,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestHistoryAction,
  type RequestStatus,
} from './request.policy';

export const REQUEST_LANGUAGES = ['en', 'fr', 'es'] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];
const QUARTER = /^\d{4}-Q[1-4]$/;
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Validates when present; `null` is refused like any other wrong value. */
const Optional = () => ValidateIf((_dto: unknown, value: unknown) => value !== undefined);
/** Required when creating; optional (never null) in a PATCH. */
function RequiredOnCreate(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    ValidateIf((dto: unknown, value: unknown) => value !== undefined || dto instanceof CreateRequestDto)(target, property);
    IsDefined({ message: `${field} is required` })(target, property);
  };
}
function LongText(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Transform(trim)(target, property);
    IsString({ message: `${field} must be text` })(target, property);
    Length(1, 10000, { message: `${field} must be between 1 and 10000 characters` })(target, property);
  };
}

export class RequestContactDto implements RequestContact {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'contacts.name must be text' })
  @Length(1, 200, { message: 'contacts.name must be between 1 and 200 characters' })
  name!: string;

  @ApiProperty({ format: 'email' })
  @Transform(trim)
  @IsEmail({}, { message: 'contacts.email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 200, example: 'Director of trade policy' })
  @Transform(trim)
  @IsString({ message: 'contacts.role must be text' })
  @Length(1, 200, { message: 'contacts.role must be between 1 and 200 characters' })
  role!: string;
}

/** The request form's fields; the service refuses topic codes that are not in the reference data. */
class RequestFields {
  @ApiProperty({ type: [String], description: 'codes of /api/reference/topics; in a multipart form a JSON array or comma-separated codes' })
  @RequiredOnCreate('topics')
  @IsArray({ message: 'topics must be a list of topic codes' })
  @ArrayMinSize(1, { message: 'topics must list at least one topic' })
  @ArrayMaxSize(16, { message: 'topics must list at most 16 topics' })
  @ArrayUnique({ message: 'topics must not repeat a topic' })
  @IsString({ each: true, message: 'topics must be topic codes' })
  topics?: string[];

  @ApiProperty({ example: '2027-Q2' })
  @RequiredOnCreate('preferredQuarter')
  @Matches(QUARTER, { message: 'preferredQuarter must look like 2027-Q2' })
  preferredQuarter?: string;

  @ApiProperty({ enum: REQUEST_LANGUAGES })
  @RequiredOnCreate('language')
  @IsIn(REQUEST_LANGUAGES, { message: `language must be one of: ${REQUEST_LANGUAGES.join(', ')}` })
  language?: RequestLanguage;

  @ApiProperty()
  @RequiredOnCreate('needsAssessment')
  @LongText('needsAssessment')
  needsAssessment?: string;

  @ApiProperty()
  @RequiredOnCreate('expectedOutcomes')
  @LongText('expectedOutcomes')
  expectedOutcomes?: string;

  @ApiProperty()
  @RequiredOnCreate('targetAudience')
  @LongText('targetAudience')
  targetAudience?: string;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @RequiredOnCreate('expectedParticipants')
  @IsInt({ message: 'expectedParticipants must be a whole number' })
  @Min(1, { message: 'expectedParticipants must be at least 1' })
  @Max(1000, { message: 'expectedParticipants must be at most 1000' })
  expectedParticipants?: number;

  @ApiProperty({ type: [RequestContactDto], description: 'in a multipart form, a JSON array' })
  @RequiredOnCreate('contacts')
  @IsArray({ message: 'contacts must be a list of {name, email, role}' })
  @ArrayMinSize(1, { message: 'contacts must list at least one person' })
  @ArrayMaxSize(10, { message: 'contacts must list at most 10 people' })
  @ValidateNested({ each: true })
  @Type(() => RequestContactDto)
  contacts?: RequestContactDto[];
}

/** POST /api/requests: multipart/form-data with these fields and one file part, the official letter. */
export class CreateRequestDto extends RequestFields {
  declare topics: string[];
  declare preferredQuarter: string;
  declare language: RequestLanguage;
  declare needsAssessment: string;
  declare expectedOutcomes: string;
  declare targetAudience: string;
  declare expectedParticipants: number;
  declare contacts: RequestContactDto[];
}

/** PATCH /api/requests/:id: any of the fields, as JSON; `version` (from the last read) refuses a stale edit. */
export class UpdateRequestDto extends RequestFields {
  @ApiPropertyOptional({ description: 'the version this change is based on; a stale one is a 409' })
  @Optional()
  @IsInt({ message: 'version must be the whole number of the version you read' })
  @Min(1)
  version?: number;
}

export class ListRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of: ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;

  @ApiPropertyOptional({ description: 'alpha-3; staff only (a focal point always sees their own country)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code' })
  country?: string;
}

export class RejectRequestDto {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsDefined({ message: 'reason is required to reject a request' })
  @IsString({ message: 'reason must be text' })
  @Length(1, 2000, { message: 'reason must be between 1 and 2000 characters' })
  reason!: string;
}

export class ApproveRequestDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'shown to the requester' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'reason must be text' })
  @Length(1, 2000, { message: 'reason must be between 1 and 2000 characters' })
  reason?: string;

  @ApiPropertyOptional({ description: 'approve although the country reached the plan ceiling per country' })
  @IsOptional()
  @IsBoolean({ message: 'overrideCeiling must be true or false' })
  overrideCeiling?: boolean;

  @ApiPropertyOptional({ maxLength: 2000, description: 'required with overrideCeiling' })
  @ValidateIf((dto: ApproveRequestDto, value: unknown) => dto.overrideCeiling === true || value !== undefined)
  @Transform(trim)
  @IsDefined({ message: 'overrideReason is required when overrideCeiling is true' })
  @IsString({ message: 'overrideReason must be text' })
  @Length(1, 2000, { message: 'overrideReason must be between 1 and 2000 characters' })
  overrideReason?: string;
}

export class ScheduleRequestDto {
  @ApiProperty({ format: 'uuid', description: 'a product of the plan covering the preferred quarter' })
  @IsDefined({ message: 'productId is required' })
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId!: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'defaults to "National activity for <country>: <topics>"' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300, { message: 'title must be between 1 and 300 characters' })
  title?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'defaults to the expected participants' })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ description: 'a code of /api/reference/divisions; defaults to ITTC' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @MaxLength(20)
  leadDivision?: string;

  @ApiPropertyOptional({ example: '45000.00', description: 'defaults to 0.00' })
  @IsOptional()
  @IsString({ message: 'budgetPlanned must be a decimal string such as "12500.50", not a number' })
  @Matches(MONEY, { message: 'budgetPlanned must be a decimal with at most 12 digits before and 2 after the point, e.g. "12500.50"' })
  budgetPlanned?: string;
}

export const REQUEST_DOCUMENT_KINDS = ['official_letter'] as const;
export type RequestDocumentKind = (typeof REQUEST_DOCUMENT_KINDS)[number];

export class RequestDocumentView {
  @ApiProperty({ enum: REQUEST_DOCUMENT_KINDS, enumName: 'RequestDocumentKind' })
  kind!: RequestDocumentKind;

  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType!: string;

  @ApiProperty()
  sizeBytes!: number;
}

/** A request in a list: the long texts, contacts and documents aside. */
export class RequestSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'alpha-3', example: 'KEN' })
  country!: string;

  @ApiProperty()
  countryName!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the focal point; null once the account was erased' })
  requestedBy!: string | null;

  @ApiProperty({ type: [String], description: 'codes of /api/reference/topics' })
  topics!: string[];

  @ApiProperty({ example: '2027-Q2' })
  preferredQuarter!: string;

  @ApiProperty({ enum: REQUEST_LANGUAGES, enumName: 'Language' })
  language!: RequestLanguage;

  @ApiProperty()
  expectedParticipants!: number;

  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus' })
  status!: RequestStatus;

  @ApiProperty({ type: String, nullable: true, description: 'the committee\'s reason, shown to the requester' })
  decisionReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it was approved past the plan\'s ceiling per country' })
  ceilingOverrideReason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the national activity it was scheduled as' })
  activityId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  activityCode!: string | null;

  @ApiProperty({ description: 'pass it back in a PATCH' })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ enum: REQUEST_ACTIONS, enumName: 'RequestAction', isArray: true, description: 'what the caller may do now' })
  allowedActions!: RequestAction[];
}

export class RequestView extends RequestSummary {
  @ApiProperty()
  needsAssessment!: string;

  @ApiProperty()
  expectedOutcomes!: string;

  @ApiProperty()
  targetAudience!: string;

  @ApiProperty({ type: [RequestContact] })
  contacts!: RequestContact[];

  @ApiProperty({ type: [RequestDocumentView] })
  documents!: RequestDocumentView[];
}

export class RequestHistoryView extends HistoryEntryView {
  @ApiProperty({ enum: REQUEST_HISTORY_ACTIONS, enumName: 'RequestHistoryAction' })
  action!: RequestHistoryAction;

  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus', nullable: true, description: 'null for the submission' })
  fromStatus!: RequestStatus | null;

  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus', nullable: true })
  toStatus!: RequestStatus | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the action changed or recorded' })
  details!: Record<string, unknown>;
}

/** The requesting country, as the committee weighs it. */
export class ReviewCountryView extends PickType(CountryView, ['code', 'name', 'region', 'ldc'] as const) {}

/** An earlier request of the same country. */
export class ReviewEarlierRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus' })
  status!: RequestStatus;

  @ApiProperty({ example: '2027-Q2' })
  preferredQuarter!: string;

  @ApiProperty({ type: [String] })
  topics!: string[];

  @ApiProperty({ type: String, nullable: true })
  decisionReason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  activityId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  activityCode!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

/** An activity delivered to the country in the last three years. */
export class ReviewActivityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ACTIVITY_TYPES, enumName: 'ActivityType' })
  type!: ActivityType;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate!: string | null;
}

/** The TA plan covering the preferred quarter. */
export class ReviewPlanView extends PickType(PlanView, ['id', 'code', 'title', 'periodStart', 'periodEnd', 'ceilingPerCountry'] as const) {}

export class ReviewContext {
  @ApiProperty({ type: RequestView })
  request!: RequestView;

  @ApiProperty({ type: ReviewCountryView })
  country!: ReviewCountryView;

  @ApiProperty({ type: [ReviewEarlierRequestView], description: 'newest first, at most 100' })
  earlierRequests!: ReviewEarlierRequestView[];

  @ApiProperty({ type: [ReviewActivityView], description: 'delivered activities of the last three years' })
  deliveredActivities!: ReviewActivityView[];

  @ApiProperty({ type: ReviewPlanView, nullable: true, description: 'null when no plan covers the preferred quarter' })
  plan!: ReviewPlanView | null;

  @ApiProperty({ description: 'national activities for the country in that plan, cancelled ones aside' })
  nationalActivitiesInPlan!: number;

  @ApiProperty()
  ceilingReached!: boolean;
}

