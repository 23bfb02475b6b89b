import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ErrorView, PageOf, PageQueryDto } from '@trta/http';
import { GENDERS, INSTITUTION_TYPES, type Gender, type InstitutionType } from '@trta/identity';
import { REQUIRED_DOCUMENTS, type RequiredDocument } from '@trta/sheets';
import {
  ACTIVITY_APPLICATIONS_ACTIONS,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  DECISION_ACTIONS,
  type ActivityApplicationsAction,
  type ApplicationActionName,
  type ApplicationStatus,
  type DecisionAction,
  NEXT_STEPS,
  type NextStep,
} from './application.policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MAX_BULK_DECISIONS = 500;
/** The orders of an activity's applications for staff. */
export const APPLICATION_SORTS = ['submitted', 'name', 'country', 'status'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];
export const LIST_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export class ApplicationDocumentDto {
  @ApiProperty({ enum: REQUIRED_DOCUMENTS })
  @IsIn(REQUIRED_DOCUMENTS, { message: `kind must be one of: ${REQUIRED_DOCUMENTS.join(', ')}` })
  kind!: RequiredDocument;

  @ApiProperty({ format: 'uuid', description: 'id of a file the applicant uploaded (POST /api/me/files)' })
  @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId!: string;
}

export class SubmitApplicationDto {
  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(1, 5000, { message: 'motivation must be between 1 and 5000 characters' })
  motivation!: string;

  @ApiProperty({ type: [ApplicationDocumentDto], description: 'the documents the activity sheet requires, one per kind' })
  @IsArray()
  @ArrayMaxSize(REQUIRED_DOCUMENTS.length)
  @ValidateNested({ each: true })
  @Type(() => ApplicationDocumentDto)
  documents!: ApplicationDocumentDto[];
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class RequiredReasonDto {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: 'reason is required' })
  @Length(1, 2000, { message: 'reason is required (at most 2000 characters)' })
  reason!: string;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'applicationId must be a UUID' })
  applicationId!: string;

  @ApiProperty({ enum: DECISION_ACTIONS })
  @IsIn(DECISION_ACTIONS, { message: `action must be one of: ${DECISION_ACTIONS.join(', ')}` })
  action!: DecisionAction;

  @ApiPropertyOptional({ maxLength: 2000, description: 'required to reject' })
  @ValidateIf((dto: DecisionDto) => dto.action === 'reject' || dto.reason !== undefined)
  @Transform(trim)
  @IsString({ message: 'reason is required to reject' })
  @Length(1, 2000, { message: 'reason is required to reject (at most 2000 characters)' })
  reason?: string;
}

export class BulkDecisionsDto {
  @ApiProperty({ type: [DecisionDto], maxItems: MAX_BULK_DECISIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_DECISIONS)
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions!: DecisionDto[];
}

export class ListActivityApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, isArray: true, description: 'one or more statuses (repeat the parameter)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]))
  @IsArray()
  @ArrayMaxSize(APPLICATION_STATUSES.length)
  @IsIn(APPLICATION_STATUSES, { each: true, message: `status must be one of: ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus[];

  @ApiPropertyOptional({ description: "the applicant's country of work, ISO 3166-1 alpha-3", example: 'KEN' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code such as KEN' })
  country?: string;

  @ApiPropertyOptional({ description: "the region of the applicant's country (GET /api/reference/regions)", example: 'africa' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'region must be a region code such as africa' })
  region?: string;

  @ApiPropertyOptional({ enum: GENDERS, enumName: 'Gender' })
  @IsOptional()
  @IsIn(GENDERS, { message: `gender must be one of: ${GENDERS.join(', ')}` })
  gender?: Gender;

  @ApiPropertyOptional({ type: Boolean, description: "true: applicants from least-developed countries only; false: from the others" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'ldc must be true or false' })
  ldc?: boolean;

  @ApiPropertyOptional({ maxLength: 100, description: "words of the applicant's name or email" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: APPLICATION_SORTS, default: 'submitted', description: 'first come first (submitted), name, country or status (in lifecycle order)' })
  @IsOptional()
  @IsIn(APPLICATION_SORTS, { message: `sort must be one of: ${APPLICATION_SORTS.join(', ')}` })
  sort: ApplicationSort = 'submitted';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order: 'asc' | 'desc' = 'asc';

  @ApiPropertyOptional({ enum: LIST_FORMATS, default: 'json', description: 'csv and xlsx download every matching application' })
  @ValidateIf((_dto: unknown, value: unknown) => value !== undefined)
  @IsIn(LIST_FORMATS, { message: `format must be one of: ${LIST_FORMATS.join(', ')}` })
  format: ListFormat = 'json';
}

export class ListMyApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `status must be one of: ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus;
}

export class ListNominationsQueryDto extends ListMyApplicationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'activityId must be a UUID' })
  activityId?: string;
}

/** Who applied, from their applicant profile (null fields when there is none). */
export class ApplicationApplicantView {
  @ApiProperty({ type: String, nullable: true })
  fullName!: string | null;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: GENDERS, enumName: 'Gender', nullable: true })
  gender!: Gender | null;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-3' })
  nationality!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'country where the applicant works, ISO 3166-1 alpha-3' })
  country!: string | null;

  @ApiProperty({ enum: INSTITUTION_TYPES, enumName: 'InstitutionType', nullable: true })
  institutionType!: InstitutionType | null;

  @ApiProperty({ type: String, nullable: true })
  institution!: string | null;

  @ApiProperty({ type: String, nullable: true })
  position!: string | null;
}

/** A document attached to an application; download it from `GET /api/applications/{id}/documents/{kind}`. */
export class ApplicationDocumentView {
  @ApiProperty({ enum: REQUIRED_DOCUMENTS, enumName: 'RequiredDocument' })
  kind!: RequiredDocument;

  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty()
  mediaType!: string;

  @ApiProperty({ type: 'integer' })
  sizeBytes!: number;
}

/** One status the application took: when, and the reason given for it (endorse, decline, decisions). */
export class ApplicationTimelineEntry {
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  status!: ApplicationStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

/** What the applicant, staff and the focal point see of an application. */
export class ApplicationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  activityCode!: string;

  @ApiProperty()
  activityTitle!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  activityStartDate!: string | null;

  @ApiProperty({ format: 'uuid' })
  applicantId!: string;

  @ApiProperty({ description: "the applicant's country of work when they applied, ISO 3166-1 alpha-3" })
  country!: string;

  @ApiProperty()
  motivation!: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  status!: ApplicationStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endorsedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: "the focal point's reason to endorse or decline" })
  nominationReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'place on the waitlist, 1 first; null unless waitlisted' })
  waitlistPosition!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  attendedDays!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'verify at `GET /api/certificates/{code}`' })
  certificateCode!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt!: Date | null;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: ApplicationApplicantView })
  applicant!: ApplicationApplicantView;

  @ApiProperty({ type: [ApplicationDocumentView] })
  documents!: ApplicationDocumentView[];

  @ApiProperty({ type: 'integer', nullable: true, description: "the focal point's rank of this candidate among their country's to the activity, 1 first" })
  nominationRank!: number | null;

  @ApiProperty({ type: [ApplicationTimelineEntry], description: 'every status it took, oldest first' })
  timeline!: ApplicationTimelineEntry[];

  @ApiProperty({ enum: NEXT_STEPS, enumName: 'ApplicationNextStep', description: 'what the applicant does or waits for next' })
  nextStep!: NextStep;

  @ApiProperty({ enum: APPLICATION_ACTIONS, enumName: 'ApplicationAction', isArray: true, description: 'what the caller may do now' })
  allowedActions!: ApplicationActionName[];
}

export class Seats {
  @ApiProperty({ type: 'integer' })
  capacity!: number;

  @ApiProperty({ type: 'integer' })
  taken!: number;

  @ApiProperty({ type: 'integer' })
  left!: number;
}

/** An action on an activity's applications that its dates hold back now: the refusal it would get, for the client to translate. */
export class ActivityActionRefusalView {
  @ApiProperty({ enum: ['attend', 'complete'] })
  action!: 'attend' | 'complete';

  @ApiProperty({ enum: ['ACTIVITY_NOT_STARTED', 'ACTIVITY_NOT_ENDED'], example: 'ACTIVITY_NOT_STARTED' })
  code!: 'ACTIVITY_NOT_STARTED' | 'ACTIVITY_NOT_ENDED';

  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ action, startDate } or { action, endDate }' })
  params!: Record<string, unknown>;
}

/** The activity a list of applications belongs to, with what staff may do to its applications as a whole. */
export class ApplicationsActivityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: "the activity's status" })
  status!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'days from start to end, both included: the most days a participant attends' })
  lengthDays!: number | null;

  @ApiProperty({ description: 'self-paced e-learning: participants complete on passing, before the end' })
  selfPaced!: boolean;

  @ApiProperty({
    enum: ACTIVITY_APPLICATIONS_ACTIONS,
    enumName: 'ActivityApplicationsAction',
    isArray: true,
    description: 'what the caller may do to the applications in bulk now: decide, record attendance, complete',
  })
  allowedActions!: ActivityApplicationsAction[];

  @ApiProperty({ type: [ActivityActionRefusalView], description: "bulk actions the activity's dates hold back now, each with its refusal" })
  refusedActions!: ActivityActionRefusalView[];
}

/** A page of an activity's applications, with its seats and the waitlist in order. */
export class ActivityApplicationsPageView extends PageOf(ApplicationView) {
  @ApiProperty({ type: 'integer', description: 'how many applications match the filters, over every page' })
  total!: number;

  @ApiProperty({ type: ApplicationsActivityView })
  activity!: ApplicationsActivityView;

  @ApiProperty({ type: Seats })
  seats!: Seats;

  @ApiProperty({ type: [String], format: 'uuid', description: 'ids of the waitlisted applications, first in line first' })
  waitlist!: string[];
}

/** Where one application of a bulk decision ended up. */
export class BulkDecisionItemView {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  status!: ApplicationStatus;

  @ApiProperty({ type: 'integer', nullable: true })
  waitlistPosition!: number | null;
}

/** A decision of a refused batch that cannot be applied, and why. */
export class BulkProblem {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ example: 'no seat left: capacity 25 is taken' })
  problem!: string;

  @ApiPropertyOptional({ example: 'ACTIVITY_FULL', description: "the refusal code of this decision's problem (absent for a repeated application)" })
  code?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'values for the translation of `code`, e.g. { activityCode, capacity }' })
  params?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, nullable: true, description: "the applicant's full name (null without a profile; absent for an application that does not exist)" })
  applicantName?: string | null;
}

/** 400/409/422 of a refused batch: nothing was changed; every failing decision is listed. */
export class BulkDecisionsError extends ErrorView {
  @ApiPropertyOptional({ type: [BulkProblem], description: 'present when decisions of the batch were refused (not for a malformed body)' })
  errors?: BulkProblem[];
}

/** Every decision of the batch applied: the seats left and each application's new status, in the order sent. */
export class BulkDecisionsView {
  @ApiProperty({ type: 'integer' })
  applied!: number;

  @ApiProperty({ type: Seats })
  seats!: Seats;

  @ApiProperty({ type: [BulkDecisionItemView] })
  items!: BulkDecisionItemView[];
}

/** One group of the balance panel: how many of its applicants hold a seat, and how many applied. */
export class BalanceRowView {
  @ApiProperty({ description: 'the country code, region code, gender, or `ldc` / `other`' })
  key!: string;

  @ApiProperty({ type: 'integer', description: 'selected, attended or completed: holding a seat' })
  selected!: number;

  @ApiProperty({ type: 'integer', description: 'waiting on the waitlist' })
  waitlisted!: number;

  @ApiProperty({ type: 'integer', description: 'every application but the withdrawn ones' })
  applications!: number;
}

/** Who holds the activity's seats, by country, region, gender and LDC, against its seats. */
export class ApplicationsBalanceView {
  @ApiProperty({ type: Seats })
  seats!: Seats;

  @ApiProperty({ type: [BalanceRowView], description: 'by country of the applicant, most seats first' })
  country!: BalanceRowView[];

  @ApiProperty({ type: [BalanceRowView] })
  region!: BalanceRowView[];

  @ApiProperty({ type: [BalanceRowView] })
  gender!: BalanceRowView[];

  @ApiProperty({ type: [BalanceRowView], description: 'keys `ldc` and `other`' })
  ldc!: BalanceRowView[];
}

/** Another application of the same person: their earlier (and other) participations. */
export class EarlierParticipationView {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  activityCode!: string;

  @ApiProperty()
  activityTitle!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'PLS level of the activity, 1-3' })
  plsLevel!: number | null;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  status!: ApplicationStatus;

  @ApiProperty({ type: 'integer', nullable: true })
  attendedDays!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: Date | null;
}

/** Who endorsed or declined the nomination. */
export class NominatorView {
  @ApiProperty({ type: String, nullable: true, description: 'null once the account was erased' })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the focal point\'s country' })
  country!: string | null;
}

/** What staff read to decide on an application beyond the application itself. */
export class ApplicationDossierView {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: [String], description: "the applicant's working languages" })
  languages!: string[];

  @ApiProperty({ type: NominatorView, nullable: true, description: 'the focal point who endorsed or declined; null when none did' })
  nominatedBy!: NominatorView | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the highest PLS level of an activity the applicant completed' })
  plsLevelReached!: number | null;

  @ApiProperty({ type: [EarlierParticipationView], description: "the applicant's other applications, latest activity first" })
  participations!: EarlierParticipationView[];
}
