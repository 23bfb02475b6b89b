import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorView } from '@trta/http';

/** A scheduled activity the one being confirmed overlaps, and why it matters. */
export class SchedulingConflict {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TA-2026-0042' })
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'date' })
  startDate!: string;

  @ApiProperty({ format: 'date' })
  endDate!: string;

  @ApiProperty({ description: 'same venue, or the same beneficiary countries, on overlapping dates' })
  reason!: string;
}

/** 409 of a confirmation that overlaps scheduled activities: confirm again with acknowledgeConflicts to proceed. */
export class SchedulingConflictsError extends ErrorView {
  @ApiPropertyOptional({ type: [SchedulingConflict], description: 'present when the refusal is an overlap' })
  conflicts?: SchedulingConflict[];
}
