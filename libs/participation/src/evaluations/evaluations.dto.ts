import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SCORE_MEAN_DECIMALS } from './score-distribution';

const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** DESIGN section 3: one evaluation per attended application, from the participant or a paper form. */
export class EvaluationDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  relevance!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  preTestScore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  postTestScore?: number;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(5000)
  comments?: string;
}

/** The pre- and post-test scores of a participant, entered by staff (or imported from the test). */
export class TestScoresDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsInt({ message: 'preTestScore must be a whole number from 0 to 100' })
  @Min(0, { message: 'preTestScore must be a whole number from 0 to 100' })
  @Max(100, { message: 'preTestScore must be a whole number from 0 to 100' })
  preTestScore?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsInt({ message: 'postTestScore must be a whole number from 0 to 100' })
  @Min(0, { message: 'postTestScore must be a whole number from 0 to 100' })
  @Max(100, { message: 'postTestScore must be a whole number from 0 to 100' })
  postTestScore?: number | null;
}

export class FollowUpDto {
  @ApiProperty({ description: 'whether the participant applied what they learned in their work' })
  @IsBoolean()
  appliedInWork!: boolean;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(5000)
  comments?: string;
}

export class EvaluationView {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  satisfaction!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  relevance!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  preTestScore!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  postTestScore!: number | null;

  @ApiProperty({ type: String, nullable: true })
  comments!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'the follow-up answer; null until given' })
  appliedInWork!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  followUpComments!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  followUpAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the staff member who typed in a paper form; null when the participant submitted it' })
  enteredBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: string;
}

/** One evaluation of an activity as staff list them: who answered, with their answers and test scores. */
export class ActivityEvaluationView extends EvaluationView {
  @ApiProperty({ type: String, nullable: true, description: "the participant's full name; null once erased" })
  fullName!: string | null;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3' })
  country!: string;
}

/** How many answers gave each score, "1" to "5". */
export class ScoreDistributionView {
  @ApiProperty({ type: 'integer' })
  '1'!: number;

  @ApiProperty({ type: 'integer' })
  '2'!: number;

  @ApiProperty({ type: 'integer' })
  '3'!: number;

  @ApiProperty({ type: 'integer' })
  '4'!: number;

  @ApiProperty({ type: 'integer' })
  '5'!: number;
}

export class ScoreResults {
  @ApiProperty({ type: Number, nullable: true, description: `rounded to ${SCORE_MEAN_DECIMALS} decimals; null without answers` })
  mean!: number | null;

  @ApiProperty({ type: ScoreDistributionView })
  distribution!: ScoreDistributionView;
}

/** The follow-up answers of an activity's evaluations. */
export class AppliedInWorkCountsView {
  @ApiProperty({ type: 'integer' })
  yes!: number;

  @ApiProperty({ type: 'integer' })
  no!: number;

  @ApiProperty({ type: 'integer', description: 'evaluations without a follow-up answer' })
  unanswered!: number;
}

/** The evaluation results of one activity. */
export class ActivityEvaluationResultsView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  activityCode!: string;

  @ApiProperty({ type: 'integer' })
  responses!: number;

  @ApiProperty({ type: 'integer', description: 'applications in attended or completed (DESIGN section 4)' })
  participations!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'responses / participations, rounded to 2 decimals' })
  responseRate!: number | null;

  @ApiProperty({ type: ScoreResults })
  satisfaction!: ScoreResults;

  @ApiProperty({ type: ScoreResults })
  relevance!: ScoreResults;

  @ApiProperty({ type: Number, nullable: true, description: 'mean of postTestScore − preTestScore over evaluations that have both' })
  learningGain!: number | null;

  @ApiProperty({ type: 'integer' })
  learningGainResponses!: number;

  @ApiProperty({ type: AppliedInWorkCountsView })
  appliedInWork!: AppliedInWorkCountsView;
}
