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
import { HistoryEntryView, PageQueryDto, ROLES, type Role } from '@trta/http';
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

export const USER_STATUSES = ['active', 'disabled', 'unverified'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ maxLength: 200, description: 'part of the email address or of the applicant\'s name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: USER_STATUSES, enumName: 'UserStatus' })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}

/** An admin's change of a person's role, or of a focal point's country. */
export class ChangeUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'a focal point\'s country (alpha-3); null for other roles' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code' })
  country?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  newPassword!: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export class LinkTokenDto {
  @ApiProperty({ description: 'the token of the emailed link (after #token=)' })
  @IsString()
  @Matches(TOKEN, { message: 'token must be the token of the emailed link, as sent' })
  token!: string;
}

export class ResetPasswordDto extends LinkTokenDto {
  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  password!: string;
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

  @ApiProperty({ description: 'the person confirmed their email address' })
  emailVerified!: boolean;

  @ApiProperty({ description: 'an admin disabled the account: it cannot sign in' })
  disabled!: boolean;
}

/** A user as an admin sees them in the users page: with their name and what the admin may do. */
export class ManagedUserView extends UserView {
  @ApiProperty({ type: String, nullable: true, description: 'an applicant\'s full name' })
  fullName!: string | null;

  @ApiProperty({ enum: ['disable', 'enable', 'changeRole', 'changeCountry', 'sendReset'], isArray: true })
  allowedActions!: ('disable' | 'enable' | 'changeRole' | 'changeCountry' | 'sendReset')[];
}

export class UserHistoryView extends HistoryEntryView {
  @ApiProperty({ enum: ['created', 'disabled', 'enabled', 'role_changed', 'country_changed', 'reset_sent', 'password_changed', 'password_reset', 'email_verified'] })
  action!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what changed, as { field: { from, to } }' })
  changes!: Record<string, unknown>;
}

/** The answer to "forgot password": the same whether or not the email has an account. */
export class ResetRequestedView {
  @ApiProperty({ description: 'always true: a link was sent if the email has an account' })
  accepted!: boolean;
}

/** The signed-in person, with the applicant profile when they have one. */
export class CurrentUserView extends UserView {
  @ApiProperty({ type: ApplicantProfileDto, nullable: true })
  profile!: ApplicantProfileDto | null;
}
