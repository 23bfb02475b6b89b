import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ACTIVITY_LANGUAGES, type ActivityLanguage } from '@trta/activities';
import { MATERIAL_KINDS, type MaterialKind } from '../materials/sheet-material.entity';
import { REQUIRED_DOCUMENTS, type LocalizedText, type RequiredDocument } from './activity-sheet.entity';

export const SHEET_TEXT_MAX_LENGTH = 20000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function SheetText(language: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    ApiPropertyOptional({ maxLength: SHEET_TEXT_MAX_LENGTH })(target, property);
    IsOptional()(target, property);
    Transform(trim)(target, property);
    IsString({ message: `$property must be a text (${language})` })(target, property);
    MaxLength(SHEET_TEXT_MAX_LENGTH, { message: `$property must be at most ${SHEET_TEXT_MAX_LENGTH} characters long` })(target, property);
  };
}

/** One text of the sheet, in any of the activity's languages. */
export class LocalizedTextDto implements LocalizedText {
  @SheetText('English')
  en?: string;

  @SheetText('French')
  fr?: string;

  @SheetText('Spanish')
  es?: string;
}

function SheetTextField(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    ApiPropertyOptional({ type: LocalizedTextDto, description: 'required in the activity’s first language' })(target, property);
    IsOptional()(target, property);
    IsObject({ message: `${String(property)} must be an object of texts by language, e.g. { "en": "..." }` })(target, property);
    ValidateNested()(target, property);
    Type(() => LocalizedTextDto)(target, property);
  };
}

/** The whole sheet; a PUT replaces it. Each text is needed at least in the activity's first language. */
export class PutSheetDto {
  @SheetTextField()
  objectives?: LocalizedTextDto;

  @SheetTextField()
  targetAudience?: LocalizedTextDto;

  @SheetTextField()
  applicationRequirements?: LocalizedTextDto;

  @SheetTextField()
  programme?: LocalizedTextDto;

  @ApiPropertyOptional({ enum: REQUIRED_DOCUMENTS, isArray: true, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'requiredDocuments must not repeat a document' })
  @IsIn(REQUIRED_DOCUMENTS, { each: true, message: `requiredDocuments must be among: ${REQUIRED_DOCUMENTS.join(', ')}` })
  requiredDocuments?: RequiredDocument[];
}

export const SHEET_TEXT_FIELDS = ['objectives', 'targetAudience', 'applicationRequirements', 'programme'] as const;
export type SheetTextField = (typeof SHEET_TEXT_FIELDS)[number];

/** A text of the sheet as written, by language: only the languages it has. */
export class LocalizedTextView implements LocalizedText {
  @ApiPropertyOptional()
  en?: string;

  @ApiPropertyOptional()
  fr?: string;

  @ApiPropertyOptional()
  es?: string;
}

/** The stored file of a material. */
export class MaterialFileView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ description: 'detected from the content', example: 'application/pdf' })
  mediaType!: string;

  @ApiProperty()
  sizeBytes!: number;
}

/** A reading or training material of a sheet: a link (`url`) or an uploaded file (`file`), never both. */
export class MaterialView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: MATERIAL_KINDS, enumName: 'MaterialKind' })
  kind!: MaterialKind;

  @ApiProperty({ enum: ACTIVITY_LANGUAGES, enumName: 'Language', nullable: true })
  language!: ActivityLanguage | null;

  @ApiProperty({ type: String, nullable: true, description: 'null for a file' })
  url!: string | null;

  @ApiProperty({ type: MaterialFileView, nullable: true, description: 'null for a link' })
  file!: MaterialFileView | null;

  @ApiProperty()
  position!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class SheetView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty({ type: LocalizedTextView })
  objectives!: LocalizedText;

  @ApiProperty({ type: LocalizedTextView })
  targetAudience!: LocalizedText;

  @ApiProperty({ type: LocalizedTextView })
  applicationRequirements!: LocalizedText;

  @ApiProperty({ type: LocalizedTextView })
  programme!: LocalizedText;

  @ApiProperty({ enum: REQUIRED_DOCUMENTS, enumName: 'RequiredDocument', isArray: true })
  requiredDocuments!: RequiredDocument[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until the sheet is published' })
  publishedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  updatedBy!: string | null;

  @ApiProperty({ type: [MaterialView] })
  materials!: MaterialView[];
}
