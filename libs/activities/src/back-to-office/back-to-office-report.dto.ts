import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, Max, ValidateIf } from 'class-validator';
import { OBJECTIVES_MET, type ObjectivesMet } from './back-to-office-report.entity';

/** Blank text is no text: stored as null. */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export const REPORT_TEXT_MAX = 10000;
/** No single activity gathers more people than this; a larger count is a typing mistake. */
const MAX_COUNT = 100000;

function Count(field: string, max = MAX_COUNT): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsInt({ message: `${field} must be a whole number` })(target, property);
    Min(0, { message: `${field} must not be negative` })(target, property);
    Max(max, { message: `${field} must not be greater than ${max}` })(target, property);
  };
}

function ReportText(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsOptional()(target, property);
    Transform(trimToNull)(target, property);
    IsString({ message: `${field} must be text` })(target, property);
    MaxLength(REPORT_TEXT_MAX, { message: `${field} must be at most ${REPORT_TEXT_MAX} characters` })(target, property);
  };
}

/** The whole report: a PUT replaces every field. */
export class PutBackToOfficeReportDto {
  @ApiProperty({ minimum: 0, maximum: 1000, example: 10 })
  @Count('sessionsHeld', 1000)
  sessionsHeld!: number;

  @ApiProperty({ minimum: 0, example: 12, description: 'as observed' })
  @Count('participantsFemale')
  participantsFemale!: number;

  @ApiProperty({ minimum: 0, example: 14 })
  @Count('participantsMale')
  participantsMale!: number;

  @ApiProperty({ minimum: 0, example: 0 })
  @Count('participantsOther')
  participantsOther!: number;

  @ApiPropertyOptional({
    type: String,
    maxLength: REPORT_TEXT_MAX,
    nullable: true,
    description: 'why the participants observed differ from those recorded as attending; required when they do',
  })
  @ReportText('participantsNote')
  participantsNote?: string | null;

  @ApiProperty({ enum: OBJECTIVES_MET })
  @IsIn(OBJECTIVES_MET, { message: `objectivesMet must be one of: ${OBJECTIVES_MET.join(', ')}` })
  objectivesMet!: ObjectivesMet;

  @ApiPropertyOptional({ type: String, maxLength: REPORT_TEXT_MAX, nullable: true, description: 'what shows the objectives were (not) met' })
  @ReportText('evidence')
  evidence?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: REPORT_TEXT_MAX, nullable: true })
  @ReportText('conclusion')
  conclusion?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: REPORT_TEXT_MAX, nullable: true })
  @ReportText('lessons')
  lessons?: string | null;

  @ApiPropertyOptional({ minimum: 1, description: 'the version read; when given, a 409 if someone saved the report since' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}

export class BackToOfficeReportView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  sessionsHeld!: number;

  @ApiProperty()
  participantsFemale!: number;

  @ApiProperty()
  participantsMale!: number;

  @ApiProperty()
  participantsOther!: number;

  @ApiProperty({ type: String, nullable: true })
  participantsNote!: string | null;

  @ApiProperty({ enum: OBJECTIVES_MET, enumName: 'ObjectivesMet' })
  objectivesMet!: ObjectivesMet;

  @ApiProperty({ type: String, nullable: true })
  evidence!: string | null;

  @ApiProperty({ type: String, nullable: true })
  conclusion!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lessons!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'who saved it last; null once the account was erased' })
  authorId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  authorEmail!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ description: 'bumped by every save; a PUT may carry the one it read' })
  version!: number;
}

/**
 * The participants recorded for the activity, by gender, as the report's form is prefilled with,
 * and the most participants a report may say were observed (DESIGN section 3, BackToOfficeReport).
 */
export class RecordedParticipantsView {
  @ApiProperty({ type: 'integer', description: 'attended or completed, women' })
  female!: number;

  @ApiProperty({ type: 'integer', description: 'attended or completed, men' })
  male!: number;

  @ApiProperty({ type: 'integer', description: 'attended or completed, other or undisclosed gender' })
  other!: number;

  @ApiProperty({ type: 'integer', description: 'attended or completed: the recorded total' })
  total!: number;

  @ApiProperty({ type: 'integer', description: 'applications and registrations, withdrawn ones left out: the people known to the activity' })
  applications!: number;

  @ApiProperty({ type: 'integer' })
  capacity!: number;

  @ApiProperty({ type: 'integer', description: 'the most participants a report may give as observed: the capacity, and no more than the people known when there are any' })
  maximumObserved!: number;
}
