import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { UNSIGNED_DECIMAL } from '../decimal';
import { FUNDING_SOURCES, type FundingSource } from './product.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/;
const CODE_MESSAGE = 'code must be 1 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit';
const BUDGET_MESSAGE = 'plannedBudget must be a decimal string of CHF with at most 12 digits before and 2 after the point, e.g. "250000.00"';

const defined = (_dto: object, value: unknown) => value !== undefined;

export class CreateProductDto {
  @ApiProperty({ example: 'GEN', pattern: CODE.source })
  @Transform(trim)
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ maxLength: 200, example: 'General WTO-related technical assistance' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'a product category code (GET /api/reference/product-categories)', example: 'general' })
  @IsString()
  @Length(1, 50)
  category!: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  /** A string on purpose: a JSON number would pass through a binary float. */
  @ApiProperty({ type: String, example: '1234567.89', pattern: UNSIGNED_DECIMAL.source, description: 'CHF, exact decimal string' })
  @IsString({ message: BUDGET_MESSAGE })
  @Matches(UNSIGNED_DECIMAL, { message: BUDGET_MESSAGE })
  plannedBudget!: string;

  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES, { message: `fundingSource must be one of: ${FUNDING_SOURCES.join(', ')}` })
  fundingSource!: FundingSource;
}

/** Only what is given changes; `description` may be set to null. */
export class UpdateProductDto {
  @ApiPropertyOptional({ pattern: CODE.source })
  @ValidateIf(defined)
  @Transform(trim)
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf(defined)
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf(defined)
  @IsString()
  @Length(1, 50)
  category?: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, pattern: UNSIGNED_DECIMAL.source })
  @ValidateIf(defined)
  @IsString({ message: BUDGET_MESSAGE })
  @Matches(UNSIGNED_DECIMAL, { message: BUDGET_MESSAGE })
  plannedBudget?: string;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @ValidateIf(defined)
  @IsIn(FUNDING_SOURCES, { message: `fundingSource must be one of: ${FUNDING_SOURCES.join(', ')}` })
  fundingSource?: FundingSource;
}

export class ProductView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  planId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ description: 'CHF, exact decimal string', example: '250000.00' })
  plannedBudget!: string;

  @ApiProperty({ enum: FUNDING_SOURCES, enumName: 'FundingSource' })
  fundingSource!: FundingSource;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
