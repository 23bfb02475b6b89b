import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, ROLES, type Role } from '@trta/http';
import { GENDERS, INSTITUTION_TYPES, type Gender, type InstitutionType } from './applicant-profile.entity';
import { LOCALES, type Locale } from './user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class PasswordFields {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  password!: string;
}

export class ApplicantProfileDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: Gender;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'KEN' })
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'nationality must be an ISO 3166-1 alpha-3 code' })
  nationality!: string;

  @ApiProperty({ description: 'country where the applicant works, ISO 3166-1 alpha-3', example: 'KEN' })
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code' })
  country!: string;

  @ApiProperty({ enum: INSTITUTION_TYPES })
  @IsIn(INSTITUTION_TYPES)
  institutionType!: InstitutionType;

  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  institution!: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  position!: string;

  @ApiProperty({ enum: LOCALES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LOCALES, { each: true })
  languages!: Locale[];
}

export class RegisterDto extends PasswordFields {
  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({ type: ApplicantProfileDto })
  @IsObject({ message: 'profile must be an object with the applicant profile' })
  @ValidateNested()
  @Type(() => ApplicantProfileDto)
  profile!: ApplicantProfileDto;
}

export class LoginDto {
  @ApiProperty({ format: 'email' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;
}

const STAFF_ROLES = ROLES.filter((role) => role !== 'applicant');

export class CreateUserDto extends PasswordFields {
  @ApiProperty({ enum: STAFF_ROLES, description: 'applicants sign up themselves' })
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role!: Exclude<Role, 'applicant'>;

  @ApiPropertyOptional({ description: 'required for a focal point: the country they act for (alpha-3)' })
  @ValidateIf((dto: CreateUserDto) => dto.role === 'focal_point' || dto.country !== undefined)
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code (required for a focal point)' })
  country?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-3: a focal point\'s country, an applicant\'s country of work' })
  country!: string | null;

  @ApiProperty({ enum: LOCALES, enumName: 'Language' })
  locale!: Locale;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** The signed-in person, with the applicant profile when they have one. */
export class CurrentUserView extends UserView {
  @ApiProperty({ type: ApplicantProfileDto, nullable: true })
  profile!: ApplicantProfileDto | null;
}
