import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';

export const MATRIX_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export class MatrixQueryDto {
  @ApiPropertyOptional({ enum: MATRIX_FORMATS, default: 'json' })
  @ValidateIf((_dto: unknown, value: unknown) => value !== undefined)
  @IsIn(MATRIX_FORMATS, { message: `format must be one of: ${MATRIX_FORMATS.join(', ')}` })
  format: MatrixFormat = 'json';
}
