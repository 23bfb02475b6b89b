import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { ACTIVITY_LANGUAGES, type ActivityLanguage } from '@trta/activities';
import { MEDIA_TYPES } from '@trta/files';
import { MATERIAL_KINDS, type MaterialKind } from './sheet-material.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An empty form field means "not given". */
const blankAsAbsent = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The types a material file may have, detected from its content (never none: downloads declare them). */
export const MATERIAL_MEDIA_TYPES = Object.values(MEDIA_TYPES) as readonly string[] as readonly [string, ...string[]];

/** The fields of an uploaded material: the multipart form's text fields next to the file. */
export class MaterialFieldsDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString({ message: 'title is required' })
  @Length(1, 300, { message: 'title must be 1 to 300 characters long' })
  title!: string;

  @ApiProperty({ enum: MATERIAL_KINDS })
  @IsIn(MATERIAL_KINDS, { message: `kind must be one of: ${MATERIAL_KINDS.join(', ')}` })
  kind!: MaterialKind;

  @ApiPropertyOptional({ enum: ACTIVITY_LANGUAGES })
  @Transform(blankAsAbsent)
  @IsOptional()
  @IsIn(ACTIVITY_LANGUAGES, { message: `language must be one of: ${ACTIVITY_LANGUAGES.join(', ')}` })
  language?: ActivityLanguage;
}

/** A material given as a link (JSON body). */
export class LinkMaterialDto extends MaterialFieldsDto {
  @ApiProperty({ example: 'https://www.wto.org/english/res_e/reser_e/ersd.htm', maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: 'url is required for a link material (or upload a file as multipart/form-data)' })
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http or https URL' })
  url!: string;
}
