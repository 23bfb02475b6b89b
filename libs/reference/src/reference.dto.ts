import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WTO_STATUSES, type WtoStatus } from './data/country-classification';

/** A country's name in each interface language (ISO names from i18n-iso-countries). */
export class CountryNames {
  @ApiPropertyOptional()
  en?: string;

  @ApiPropertyOptional()
  fr?: string;

  @ApiPropertyOptional()
  es?: string;
}

export class CountryView {
  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'KEN' })
  code!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'KE' })
  alpha2!: string;

  @ApiProperty({ description: 'English name' })
  name!: string;

  @ApiProperty({ type: CountryNames })
  names!: CountryNames;

  @ApiProperty({ description: 'region code' })
  region!: string;

  @ApiProperty({ description: 'least-developed country' })
  ldc!: boolean;

  @ApiProperty({ enum: WTO_STATUSES, enumName: 'WtoStatus' })
  wtoStatus!: WtoStatus;
}

/** A coded entry of a reference list: divisions, topics, product categories. */
export class ReferenceItemView {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

export class RegionView extends ReferenceItemView {
  @ApiProperty({ description: 'whether activities may target this region' })
  beneficiary!: boolean;
}

export class PlsLevelView extends ReferenceItemView {
  @ApiProperty({ description: 'Progressive Learning Strategy level, 1 to 3' })
  level!: number;
}
