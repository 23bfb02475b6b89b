import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ActivityRecord } from '@trta/activities';

export const PUBLICATION_FORMATS = ['pdf', 'csv'] as const;
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];

export class YearActivitiesQueryDto {
  @ApiPropertyOptional({ example: 2027, description: 'required' })
  @IsDefined({ message: 'year is required, e.g. ?year=2027' })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year such as 2027' })
  @Min(2000, { message: 'year must be between 2000 and 2100' })
  @Max(2100, { message: 'year must be between 2000 and 2100' })
  year!: number;

  @ApiPropertyOptional({ enum: PUBLICATION_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(PUBLICATION_FORMATS, { message: `format must be one of: ${PUBLICATION_FORMATS.join(', ')}` })
  format: PublicationFormat = 'pdf';
}

/** The activity's fields the year's list shows. */
export const PUBLISHED_ACTIVITY_FIELDS = [
  'region',
  'code',
  'title',
  'type',
  'deliveryMode',
  'startDate',
  'endDate',
  'plannedQuarter',
  'venueCity',
  'venueCountry',
  'languages',
  'status',
] as const satisfies readonly (keyof ActivityRecord)[];

/** One activity of the year's list, with its product and region. */
export type PublishedActivity = Pick<ActivityRecord, (typeof PUBLISHED_ACTIVITY_FIELDS)[number]> & {
  productId: string;
  productCode: string;
  productName: string;
  planCode: string;
  regionName: string;
  venueCountryName: string | null;
};
