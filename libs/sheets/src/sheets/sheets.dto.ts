import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
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

export interface MaterialView {
  id: string;
  title: string;
  kind: string;
  language: string | null;
  url: string | null;
  file: { id: string; filename: string; mediaType: string; sizeBytes: number } | null;
  position: number;
  createdAt: Date;
}

export interface SheetView {
  activityId: string;
  objectives: LocalizedText;
  targetAudience: LocalizedText;
  applicationRequirements: LocalizedText;
  programme: LocalizedText;
  requiredDocuments: RequiredDocument[];
  publishedAt: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
  materials: MaterialView[];
}
