import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { KeyResultView } from '../key-results/key-results.dto';
import { ProductView } from '../products/products.dto';
import { PLAN_ACTIONS, PLAN_STATUSES, type PlanAction, type PlanStatus } from '../plan.policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists (2027-02-30 does not). */
function IsCalendarDate(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Matches(DATE, { message: `${field} must be a date formatted YYYY-MM-DD` })(target, property);
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${field} must be a valid calendar date` })(target, property);
  };
}

/** When both are given, this date must come after the other one. */
function IsAfterField(other: string): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isAfterField',
      target: target.constructor,
      propertyName: String(property),
      constraints: [other],
      options: { message: `${String(property)} must be after ${other}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const before = (args.object as Record<string, unknown>)[other];
          if (typeof value !== 'string' || typeof before !== 'string' || !DATE.test(value) || !DATE.test(before)) return true;
          return value > before;
        },
      },
    });
}

export class CreatePlanDto {
  @ApiProperty({ example: '2026-2027', pattern: '^\\d{4}-\\d{4}$' })
  @Transform(trim)
  @Matches(/^\d{4}-\d{4}$/, { message: 'code must look like 2026-2027' })
  code!: string;

  @ApiProperty({ maxLength: 300, example: 'Technical Assistance Plan 2026-2027' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsCalendarDate('periodStart')
  periodStart!: string;

  @ApiProperty({ format: 'date', example: '2027-12-31', description: 'after periodStart' })
  @IsCalendarDate('periodEnd')
  @IsAfterField('periodStart')
  periodEnd!: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 1000, nullable: true, description: 'national activities per country' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  ceilingPerCountry?: number | null;
}

/** Only what is given changes; `notes` and `ceilingPerCountry` may be set to null. */
export class UpdatePlanDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @ValidateIf((_dto, value) => value !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsCalendarDate('periodStart')
  periodStart?: string;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsCalendarDate('periodEnd')
  @IsAfterField('periodStart')
  periodEnd?: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 1000, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  ceilingPerCountry?: number | null;
}

export class PlanView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-2027' })
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'date' })
  periodStart!: string;

  @ApiProperty({ format: 'date' })
  periodEnd!: string;

  @ApiProperty({ enum: PLAN_STATUSES, enumName: 'PlanStatus' })
  status!: PlanStatus;

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'national activities per country' })
  ceilingPerCountry!: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ enum: PLAN_ACTIONS, enumName: 'PlanAction', isArray: true, description: 'what the caller may do now' })
  allowedActions!: PlanAction[];
}

/** A plan with its products and its results framework. */
export class PlanDetailView extends PlanView {
  @ApiProperty({ type: [ProductView] })
  products!: ProductView[];

  @ApiProperty({ type: [KeyResultView] })
  keyResults!: KeyResultView[];
}
