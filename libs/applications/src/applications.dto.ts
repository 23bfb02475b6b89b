import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@trta/http';
import { REQUIRED_DOCUMENTS, type RequiredDocument } from '@trta/sheets';
import { APPLICATION_STATUSES, DECISION_ACTIONS, type ApplicationStatus, type DecisionAction } from './application-status';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MAX_BULK_DECISIONS = 500;
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
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `status must be one of: ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus;

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

/** What the applicant, staff and the focal point see of an application. */
export interface ApplicationView {
  id: string;
  activityId: string;
  activityCode: string;
  activityTitle: string;
  activityStartDate: string | null;
  applicantId: string;
  country: string;
  motivation: string;
  status: ApplicationStatus;
  submittedAt: Date;
  endorsedAt: Date | null;
  nominationReason: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  waitlistPosition: number | null;
  attendedDays: number | null;
  completedAt: Date | null;
  certificateCode: string | null;
  withdrawnAt: Date | null;
  version: number;
  applicant: {
    fullName: string | null;
    email: string;
    gender: string | null;
    nationality: string | null;
    country: string | null;
    institutionType: string | null;
    institution: string | null;
    position: string | null;
  };
  documents: { kind: RequiredDocument; fileId: string; filename: string; mediaType: string; sizeBytes: number }[];
}

export interface Seats {
  capacity: number;
  taken: number;
  left: number;
}
