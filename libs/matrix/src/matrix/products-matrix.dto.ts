import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { ActivityView, type ActivityRecord, type ActivityStatus } from '@trta/activities';
import { PlanView } from '@trta/plans';

export const MATRIX_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export class MatrixQueryDto {
  @ApiPropertyOptional({ enum: MATRIX_FORMATS, default: 'json' })
  @ValidateIf((_dto: unknown, value: unknown) => value !== undefined)
  @IsIn(MATRIX_FORMATS, { message: `format must be one of: ${MATRIX_FORMATS.join(', ')}` })
  format: MatrixFormat = 'json';

  @ApiPropertyOptional({ default: true, description: "false: each product's counts and sums without its list of activities (the web pages them through GET /api/activities)" })
  @ValidateIf((_dto: unknown, value: unknown) => value !== undefined)
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'activities must be true or false' })
  activities: boolean = true;
}

/** How many activities are in each status; every status is present, 0 when none. */
export class ActivityStatusCountsView implements Record<ActivityStatus, number> {
  @ApiProperty()
  planned!: number;

  @ApiProperty()
  confirmed!: number;

  @ApiProperty()
  open!: number;

  @ApiProperty()
  closed!: number;

  @ApiProperty()
  delivered!: number;

  @ApiProperty()
  cancelled!: number;

  @ApiProperty()
  postponed!: number;
}

/** The plan the matrix is of. */
export const MATRIX_PLAN_FIELDS = ['id', 'code', 'title', 'status', 'periodStart', 'periodEnd'] as const;
export class MatrixPlanView extends PickType(PlanView, MATRIX_PLAN_FIELDS) {}

/** The activity's fields the matrix shows. */
export const MATRIX_ACTIVITY_FIELDS = [
  'id',
  'code',
  'title',
  'status',
  'type',
  'deliveryMode',
  'startDate',
  'endDate',
  'budgetPlanned',
  'budgetActual',
] as const satisfies readonly (keyof ActivityRecord)[];

/** An activity in its product's row of the matrix. */
export class MatrixActivityView extends PickType(ActivityView, MATRIX_ACTIVITY_FIELDS) {}

/** A product of the plan with its activities, their counts per status and their budget sums. */
export class MatrixProductView {
  @ApiProperty({ format: 'uuid' })
  productId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty({ description: "the product's own budget, CHF, exact decimal string", example: '250000.00' })
  plannedBudget!: string;

  @ApiProperty()
  activityCount!: number;

  @ApiProperty({ type: ActivityStatusCountsView })
  byStatus!: ActivityStatusCountsView;

  @ApiProperty({ description: "sum of its activities' budgetPlanned, exact decimal string", example: '90000.00' })
  budgetPlannedTotal!: string;

  @ApiProperty({ description: "sum of its activities' budgetActual, exact decimal string", example: '0.00' })
  budgetActualTotal!: string;

  @ApiProperty({ type: [MatrixActivityView], description: 'by start date (undated last), then code; empty with ?activities=false' })
  activities!: MatrixActivityView[];
}

/** The whole plan's figures; every status counts, cancelled included. */
export class MatrixTotalsView {
  @ApiProperty()
  productCount!: number;

  @ApiProperty({ description: "sum of the products' plannedBudget, exact decimal string" })
  plannedBudget!: string;

  @ApiProperty()
  activityCount!: number;

  @ApiProperty({ type: ActivityStatusCountsView })
  byStatus!: ActivityStatusCountsView;

  @ApiProperty({ description: 'exact decimal string' })
  budgetPlannedTotal!: string;

  @ApiProperty({ description: 'exact decimal string' })
  budgetActualTotal!: string;
}

/** The products matrix of a plan (DESIGN section 3): its activities by product, with counts and exact sums. */
export class ProductsMatrixView {
  @ApiProperty({ type: MatrixPlanView })
  plan!: MatrixPlanView;

  @ApiProperty({ type: [MatrixProductView], description: 'by product code' })
  products!: MatrixProductView[];

  @ApiProperty({ type: MatrixTotalsView })
  totals!: MatrixTotalsView;
}
