import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@trta/http';
import { ApplicationView } from './applications.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An activity that needs the focal point's nominations, with their country's quota used and left. */
export class NominationActivityView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  activityCode!: string;

  @ApiProperty()
  activityTitle!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  applicationDeadline!: string | null;

  @ApiProperty({ description: "the country's focal point" })
  country!: string;

  @ApiProperty({ type: 'integer', description: 'most endorsed applications per country' })
  quota!: number;

  @ApiProperty({ type: 'integer', description: "the country's applications endorsed so far" })
  endorsed!: number;

  @ApiProperty({ type: 'integer', description: 'endorsements left: quota − endorsed' })
  left!: number;

  @ApiProperty({ type: 'integer', description: "the country's candidates (applications not withdrawn)" })
  candidates!: number;

  @ApiProperty({ type: 'integer', description: 'candidates waiting for a nomination (submitted)' })
  waiting!: number;

  @ApiProperty({ description: 'the focal point may still endorse or decline (the activity is being decided)' })
  deciding!: boolean;
}

export class ListNominationActivitiesQueryDto extends PageQueryDto {}

/** The focal point's order of preference: their country's candidates to the activity, first preferred first. */
export class RankCandidatesDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500, description: 'application ids, first preferred first; the others lose their rank' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'applicationIds must hold application ids (UUIDs)' })
  applicationIds!: string[];
}

/** The country's candidates to one activity, ranked ones first in rank order. */
export class RankedCandidatesView {
  @ApiProperty({ type: [ApplicationView] })
  items!: ApplicationView[];
}

/** Several endorsements at once: all of them, or none (quota, status) with the refusal. */
export class EndorseManyDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1, { message: 'applicationIds must name at least one application' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'applicationIds must hold application ids (UUIDs)' })
  applicationIds!: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'a note to the applicants and staff' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class EndorsedManyView {
  @ApiProperty({ type: 'integer' })
  endorsed!: number;

  @ApiProperty({ type: [ApplicationView] })
  items!: ApplicationView[];
}
