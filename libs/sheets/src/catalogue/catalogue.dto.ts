import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  ACTIVITY_LANGUAGES,
  ACTIVITY_TYPES,
  ActivityFilterDto,
  ActivityView,
  DELIVERY_MODES,
  type ActivityRecord,
  type ActivityLanguage,
  type ActivityType,
  type DeliveryMode,
} from '@trta/activities';
import { REQUIRED_DOCUMENTS, type RequiredDocument } from '../sheets/activity-sheet.entity';
import { MaterialView } from '../sheets/sheets.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const CODE = /^[a-z][a-z0-9_]{0,49}$/;

export class CatalogueLanguageDto {
  @ApiPropertyOptional({ enum: ACTIVITY_LANGUAGES, description: 'the sheet falls back to the activity’s first language when it lacks this one' })
  @IsOptional()
  @IsIn(ACTIVITY_LANGUAGES, { message: `lang must be one of: ${ACTIVITY_LANGUAGES.join(', ')}` })
  lang?: ActivityLanguage;
}

export class CatalogueQueryDto extends ActivityFilterDto {
  @ApiPropertyOptional({ enum: ACTIVITY_LANGUAGES })
  @IsOptional()
  @IsIn(ACTIVITY_LANGUAGES, { message: `lang must be one of: ${ACTIVITY_LANGUAGES.join(', ')}` })
  lang?: ActivityLanguage;

  @ApiPropertyOptional({ description: 'words of the title or the sheet; "quotes", or and -not as in web search', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'q must be 1 to 200 characters long' })
  q?: string;

  @ApiPropertyOptional({ description: 'a code of /api/reference/regions' })
  @IsOptional()
  @Matches(CODE, { message: 'region must be a region code such as africa' })
  region?: string;

  @ApiPropertyOptional({ description: 'a code of /api/reference/topics' })
  @IsOptional()
  @Matches(CODE, { message: 'topic must be a topic code such as trade_facilitation' })
  topic?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_TYPES })
  @IsOptional()
  @IsIn(ACTIVITY_TYPES, { message: `type must be one of: ${ACTIVITY_TYPES.join(', ')}` })
  type?: ActivityType;

  @ApiPropertyOptional({ enum: DELIVERY_MODES })
  @IsOptional()
  @IsIn(DELIVERY_MODES, { message: `deliveryMode must be one of: ${DELIVERY_MODES.join(', ')}` })
  deliveryMode?: DeliveryMode;

  @ApiPropertyOptional({ description: 'ISO 3166 alpha-3; global activities are open to every country and always match' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166 alpha-3 code such as KEN' })
  country?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_LANGUAGES, description: 'a language of instruction of the activity' })
  @IsOptional()
  @IsIn(ACTIVITY_LANGUAGES, { message: `language must be one of: ${ACTIVITY_LANGUAGES.join(', ')}` })
  language?: ActivityLanguage;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'applications close on this day or before (activities without a deadline do not match)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'deadlineBefore must be a date such as 2026-05-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineBefore must be a date such as 2026-05-31' })
  deadlineBefore?: string;
}

/** A country an activity is open to, named in the asked language. */
export class EligibleCountryView {
  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'KEN' })
  code!: string;

  @ApiProperty({ description: 'in the asked language' })
  name!: string;

  @ApiProperty({ description: 'a least developed country (UN list)' })
  ldc!: boolean;
}

/** The activity's fields the public catalogue shows: no budget, no author, no history. */
export const CATALOGUE_ACTIVITY_FIELDS = [
  'id',
  'code',
  'title',
  'type',
  'deliveryMode',
  'plsLevel',
  'languages',
  'topics',
  'leadDivision',
  'beneficiaryCountries',
  'region',
  'startDate',
  'endDate',
  'venueCity',
  'venueCountry',
  'capacity',
  'applicationDeadline',
  'requiresNomination',
  'prerequisiteLevel',
  'partners',
  'status',
] as const satisfies readonly (keyof ActivityRecord)[];

/** An activity as the public catalogue lists it. */
export class CatalogueItem extends PickType(ActivityView, CATALOGUE_ACTIVITY_FIELDS) {
  @ApiProperty({ type: String, format: 'date-time', description: 'when the sheet was published' })
  publishedAt!: Date;

  @ApiProperty({
    enum: ACTIVITY_LANGUAGES,
    enumName: 'Language',
    description: 'the language of the sheet’s texts: the one asked for, or the activity’s first when the sheet lacks it',
  })
  servedLanguage!: ActivityLanguage;

  @ApiProperty({ type: String, nullable: true, description: 'in servedLanguage' })
  objectives!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'in servedLanguage' })
  targetAudience!: string | null;
}

/** A material of a catalogue entry. */
export class CatalogueMaterial extends OmitType(MaterialView, ['createdAt'] as const) {
  @ApiProperty({ type: String, nullable: true, description: 'where to download a file material; null for a link' })
  downloadUrl!: string | null;
}

/** One activity of the catalogue with its whole sheet in one language. */
export class CatalogueEntry extends CatalogueItem {
  @ApiProperty({ type: String, nullable: true, description: 'in servedLanguage' })
  applicationRequirements!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'in servedLanguage' })
  programme!: string | null;

  @ApiProperty({ enum: REQUIRED_DOCUMENTS, enumName: 'RequiredDocument', isArray: true })
  requiredDocuments!: RequiredDocument[];

  @ApiProperty({
    type: [EligibleCountryView],
    description: 'who may apply: the beneficiary countries, named in `lang`; empty for a global activity, open to every country',
  })
  eligibleCountries!: EligibleCountryView[];

  @ApiProperty({ type: [CatalogueMaterial] })
  materials!: CatalogueMaterial[];
}
