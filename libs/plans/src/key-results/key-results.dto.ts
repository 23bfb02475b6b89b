import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsDecimalValue, SIGNED_DECIMAL } from '../decimal';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

export class CreateIndicatorDto {
  @ApiProperty({ maxLength: 1000, example: 'Officials trained who apply what they learnt' })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  description!: string;

  @ApiProperty({ maxLength: 50, example: '%' })
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  unit!: string;

  @ApiPropertyOptional({ type: String, pattern: SIGNED_DECIMAL.source, example: '60', nullable: true, description: 'decimal string (or number)' })
  @IsOptional()
  @IsDecimalValue('baseline')
  baseline?: string | null;

  @ApiProperty({ type: String, pattern: SIGNED_DECIMAL.source, example: '80', description: 'decimal string (or number)' })
  @IsDecimalValue('target')
  target!: string;
}

export class CreateKeyResultDto {
  @ApiProperty({ example: 'KR1', pattern: CODE.source })
  @Transform(trim)
  @IsString()
  @Matches(CODE, { message: 'code must be 1 to 20 letters, digits, dots, dashes or underscores, starting with a letter or digit' })
  code!: string;

  @ApiProperty({ maxLength: 500, example: 'Officials implement WTO agreements' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'order in the framework; after the last one when left out' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;

  @ApiPropertyOptional({ type: [CreateIndicatorDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateIndicatorDto)
  indicators?: CreateIndicatorDto[];
}

export class ActualDto {
  @ApiProperty({ type: String, pattern: SIGNED_DECIMAL.source, example: '72.5', description: 'decimal string (or number)' })
  @IsDecimalValue('value')
  value!: string;
}

export class ActualView {
  @ApiProperty()
  year!: number;

  @ApiProperty({ description: 'exact decimal string' })
  value!: string;
}

export class IndicatorView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  keyResultId!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ type: String, nullable: true, description: 'exact decimal string' })
  baseline!: string | null;

  @ApiProperty({ description: 'exact decimal string' })
  target!: string;

  @ApiProperty()
  position!: number;

  @ApiProperty({ type: [ActualView] })
  actuals!: ActualView[];
}

/** An indicator's actual value for a year, as recorded. */
export class IndicatorActualView extends ActualView {
  @ApiProperty({ format: 'uuid' })
  indicatorId!: string;
}

export class KeyResultView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  position!: number;

  @ApiProperty({ type: [IndicatorView] })
  indicators!: IndicatorView[];
}
