import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  ACTIVITY_LANGUAGES,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  DELIVERY_MODES,
  type ActivityLanguage,
  type ActivityStatus,
  type ActivityType,
  type DeliveryMode,
} from '@trta/activities';
import { PageQueryDto } from '@trta/http';
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

export class CatalogueQueryDto extends PageQueryDto {
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

  @ApiPropertyOptional({ minimum: 1, maximum: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'plsLevel must be 1, 2 or 3' })
  @Min(1, { message: 'plsLevel must be 1, 2 or 3' })
  @Max(3, { message: 'plsLevel must be 1, 2 or 3' })
  plsLevel?: number;

  @ApiPropertyOptional({ description: 'ISO 3166 alpha-3; global activities are open to every country and always match' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166 alpha-3 code such as KEN' })
  country?: string;
}

/** An activity as the public catalogue lists it: no budget, no author, no history. */
export class CatalogueItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TA-2026-0042' })
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ACTIVITY_TYPES, enumName: 'ActivityType' })
  type!: ActivityType;

  @ApiProperty({ enum: DELIVERY_MODES, enumName: 'DeliveryMode' })
  deliveryMode!: DeliveryMode;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 3 })
  plsLevel!: number | null;

  @ApiProperty({ enum: ACTIVITY_LANGUAGES, enumName: 'Language', isArray: true, description: 'the first is the main language' })
  languages!: ActivityLanguage[];

  @ApiProperty({ type: [String], description: 'codes of /api/reference/topics' })
  topics!: string[];

  @ApiProperty({ description: 'a code of /api/reference/divisions' })
  leadDivision!: string;

  @ApiProperty({ type: [String], description: 'alpha-3 codes' })
  beneficiaryCountries!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'a code of /api/reference/regions' })
  region!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  venueCity!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'alpha-3' })
  venueCountry!: string | null;

  @ApiProperty()
  capacity!: number;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  applicationDeadline!: string | null;

  @ApiProperty()
  requiresNomination!: boolean;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 3 })
  prerequisiteLevel!: number | null;

  @ApiProperty({ type: [String] })
  partners!: string[];

  @ApiProperty({ enum: ACTIVITY_STATUSES, enumName: 'ActivityStatus', description: 'open: the catalogue shows activities open for applications' })
  status!: ActivityStatus;

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

  @ApiProperty({ type: [CatalogueMaterial] })
  materials!: CatalogueMaterial[];
}
