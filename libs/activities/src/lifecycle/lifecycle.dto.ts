import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ConfirmActivityDto {
  @ApiPropertyOptional({ default: false, description: 'confirm even though the activity overlaps others (recorded in its history)' })
  @IsOptional()
  @IsBoolean({ message: 'acknowledgeConflicts must be true or false' })
  acknowledgeConflicts?: boolean;
}

export class CancelActivityDto {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: 'reason is required to cancel an activity' })
  @Length(1, 2000, { message: 'reason is required to cancel an activity (at most 2000 characters)' })
  reason!: string;
}

export class PostponeActivityDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
