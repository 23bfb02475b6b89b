import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@trta/http';
import { REQUIRED_DOCUMENTS, type RequiredDocument } from '@trta/sheets';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application.policy';
import { ApplicationDocumentDto } from './applications.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A participation form being written: anything so far, nothing required yet. */
export class SaveDraftDto {
  @ApiProperty({ maxLength: 5000, description: 'may be empty while the form is being written' })
  @Transform(trim)
  @IsString()
  @MaxLength(5000, { message: 'motivation must be at most 5000 characters' })
  motivation!: string;

  @ApiProperty({ type: [ApplicationDocumentDto], description: 'the documents uploaded so far (POST /api/me/files), one per kind' })
  @IsArray()
  @ArrayMaxSize(REQUIRED_DOCUMENTS.length)
  @ValidateNested({ each: true })
  @Type(() => ApplicationDocumentDto)
  documents!: ApplicationDocumentDto[];
}

/** A document of a draft, with its file's name so the form can show what is attached. */
export class DraftDocumentView {
  @ApiProperty({ enum: REQUIRED_DOCUMENTS, enumName: 'RequiredDocument' })
  kind!: RequiredDocument;

  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty()
  filename!: string;
}

/** A participation form kept on the server until it is submitted: finish it later, on any device. */
export class ApplicationDraftView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  activityCode!: string;

  @ApiProperty()
  activityTitle!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  applicationDeadline!: string | null;

  @ApiProperty()
  motivation!: string;

  @ApiProperty({ type: [DraftDocumentView] })
  documents!: DraftDocumentView[];

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

/** A refusal the form would meet: its code and params (to translate) and the English sentence. */
export class ApplyRefusalView {
  @ApiProperty({ example: 'NOT_ELIGIBLE_COUNTRY' })
  code!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'values for the translation of the code' })
  params!: Record<string, unknown>;

  @ApiProperty()
  message!: string;
}

export const APPLY_ACTIONS = ['apply'] as const;
export type ApplyAction = (typeof APPLY_ACTIONS)[number];

/**
 * An activity of the catalogue as it concerns the signed-in applicant: can their form succeed
 * (`allowedActions` holds `apply`), else every reason why not; their application when they
 * applied, their draft when they saved one.
 */
export class ApplyCheckView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty({ type: String, nullable: true, description: "the applicant's country of work (profile), ISO 3166-1 alpha-3" })
  country!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'whether the activity is open to that country; null without a profile country' })
  countryEligible!: boolean | null;

  @ApiProperty({ description: "the application needs the applicant's government's nomination (their focal point endorses it)" })
  requiresNomination!: boolean;

  @ApiProperty({ enum: REQUIRED_DOCUMENTS, enumName: 'RequiredDocument', isArray: true, description: 'what the sheet requires to attach' })
  requiredDocuments!: RequiredDocument[];

  @ApiProperty({ type: [ApplyRefusalView], description: 'why applying would be refused now; empty when it can succeed' })
  refusals!: ApplyRefusalView[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'their application to it, when they applied already' })
  applicationId!: string | null;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus', nullable: true })
  applicationStatus!: ApplicationStatus | null;

  @ApiProperty({ type: ApplicationDraftView, nullable: true })
  draft!: ApplicationDraftView | null;

  @ApiProperty({ enum: APPLY_ACTIONS, enumName: 'ApplyAction', isArray: true })
  allowedActions!: ApplyAction[];
}

export class ListDraftsQueryDto extends PageQueryDto {}
