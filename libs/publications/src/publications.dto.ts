import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

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

/** One activity of the year's list, with its product and region. */
export interface PublishedActivity {
  productId: string;
  productCode: string;
  productName: string;
  planCode: string;
  region: string | null;
  regionName: string;
  code: string;
  title: string;
  type: string;
  deliveryMode: string;
  startDate: string | null;
  endDate: string | null;
  plannedQuarter: string | null;
  venueCity: string | null;
  venueCountry: string | null;
  venueCountryName: string | null;
  languages: string[];
  status: string;
}
