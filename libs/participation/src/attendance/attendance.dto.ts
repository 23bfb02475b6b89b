import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class AttendDto {
  @ApiProperty({ minimum: 0, description: "days attended, at most the activity's length in days" })
  @IsInt()
  @Min(0)
  @Max(366)
  attendedDays!: number;
}

export interface ParticipationView {
  id: string;
  activityId: string;
  applicantId: string;
  status: string;
  attendedDays: number | null;
  completedAt: string | null;
  certificateCode: string | null;
  version: number;
  updatedAt: string;
}

/** Staff decisions after selection; each names the statuses it may start from. */
export const PARTICIPATION_TRANSITIONS = {
  attend: { from: ['selected'], to: 'attended' },
  complete: { from: ['attended'], to: 'completed' },
  'no-show': { from: ['selected'], to: 'no_show' },
} as const;
export type ParticipationAction = keyof typeof PARTICIPATION_TRANSITIONS;
