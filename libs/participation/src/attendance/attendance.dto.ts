import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

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
