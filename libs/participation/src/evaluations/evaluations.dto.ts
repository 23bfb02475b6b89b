import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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

export interface EvaluationView {
  applicationId: string;
  satisfaction: number;
  relevance: number;
  preTestScore: number | null;
  postTestScore: number | null;
  comments: string | null;
  appliedInWork: boolean | null;
  followUpComments: string | null;
  followUpAt: string | null;
  /** The staff member who typed in a paper form; null when the participant submitted it. */
  enteredBy: string | null;
  submittedAt: string;
}

export interface ScoreResults {
  mean: number | null;
  /** How many answers gave each score, "1" to "5". */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface EvaluationResults {
  activityId: string;
  activityCode: string;
  responses: number;
  /** Applications in attended or completed (DESIGN section 4). */
  participations: number;
  responseRate: number | null;
  satisfaction: ScoreResults;
  relevance: ScoreResults;
  /** Mean of postTestScore − preTestScore over evaluations that have both. */
  learningGain: number | null;
  learningGainResponses: number;
  appliedInWork: { yes: number; no: number; unanswered: number };
}
