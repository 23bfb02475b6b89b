import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { BulkProblem } from '@trta/applications';
import { ErrorView } from '@trta/http';

export class AttendDto {
  @ApiProperty({ minimum: 0, description: "days attended, at most the activity's length in days" })
  @IsInt()
  @Min(0)
  @Max(366)
  attendedDays!: number;
}

/** The statuses staff move a selected participant to. */
export const PARTICIPATION_STATUSES = ['attended', 'completed', 'no_show'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** An application after attendance, completion or a no-show was recorded. */
export class ParticipationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty({ format: 'uuid' })
  applicantId!: string;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus' })
  status!: ParticipationStatus;

  @ApiProperty({ type: 'integer', nullable: true })
  attendedDays!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'set on completion; verify at `GET /api/certificates/{code}`' })
  certificateCode!: string | null;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

/** Staff decisions after selection; each names the statuses it may start from. */
export { PARTICIPATION_TRANSITIONS, type ParticipationAction } from '@trta/applications';

/** The most records one batch of attendance or completions takes (courses run to several hundred participants). */
export const MAX_BULK_RECORDS = 1000;

/** One participant's attendance in a batch. */
export class AttendanceRecordDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'applicationId must be a UUID' })
  applicationId!: string;

  @ApiProperty({ minimum: 0, description: "days attended, at most the activity's length in days" })
  @IsInt()
  @Min(0)
  @Max(366)
  attendedDays!: number;
}

/** Attendance of many selected participants, each with their days: all recorded, or none. */
export class BulkAttendanceDto {
  @ApiProperty({ type: [AttendanceRecordDto], minItems: 1, maxItems: MAX_BULK_RECORDS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_RECORDS)
  @ArrayUnique((record: AttendanceRecordDto) => record?.applicationId, { message: 'records must name each application once' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceRecordDto)
  records!: AttendanceRecordDto[];
}

/** Everyone selected was present. */
export class EveryoneAttendedDto {
  @ApiPropertyOptional({ minimum: 0, description: "days each attended; default: the activity's length in days" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  attendedDays?: number;
}

/** Completions of many attended participants: all recorded, or none. */
export class BulkCompletionDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_BULK_RECORDS, description: 'omitted: every participant who qualifies (attended)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_RECORDS)
  @ArrayUnique(undefined, { message: 'applicationIds must name each application once' })
  @IsUUID('all', { each: true, message: 'applicationIds must be UUIDs' })
  applicationIds?: string[];
}

/** What a batch recorded: each application as it is now. */
export class BulkParticipationView {
  @ApiProperty({ type: 'integer', description: 'how many applications were recorded' })
  recorded!: number;

  @ApiProperty({ type: [ParticipationView] })
  items!: ParticipationView[];
}

/** 409 of a refused batch: nothing was changed; every failing record is listed, with the applicant's name. */
export class ParticipationRecordsError extends ErrorView {
  @ApiPropertyOptional({ type: [BulkProblem], description: 'present when records of the batch were refused' })
  errors?: BulkProblem[];
}
