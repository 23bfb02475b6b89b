import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsObject, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ApplicantProfileDto, LOCALES, type Locale } from '@trta/identity';
import { EvaluationDto } from '../evaluations/evaluations.dto';

/** The statuses staff may register a participant with: any status up to completed (DESIGN section 3). */
export const REGISTRATION_STATUSES = ['submitted', 'selected', 'attended', 'completed'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Seat-holding and attended statuses are the application policy's (the database's trigger counts the seats). */
export { ATTENDED_STATUSES, SEAT_STATUSES } from '@trta/applications';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterParticipantDto {
  @ApiProperty({ format: 'email', maxLength: 254, description: 'an existing account is reused (its profile kept); a new email gets an account to claim' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ enum: LOCALES, description: "a new account's language; default: the profile's first language" })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ type: ApplicantProfileDto, description: 'required when the email has no account yet' })
  @IsOptional()
  @IsObject({ message: 'profile must be an object with the applicant profile' })
  @ValidateNested()
  @Type(() => ApplicantProfileDto)
  profile?: ApplicantProfileDto;

  @ApiProperty({ enum: REGISTRATION_STATUSES })
  @IsIn(REGISTRATION_STATUSES, { message: `status must be one of: ${REGISTRATION_STATUSES.join(', ')}` })
  status!: RegistrationStatus;

  @ApiPropertyOptional({ minimum: 0, description: 'attended or completed only; at most the length of the activity in days' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  attendedDays?: number;

  @ApiPropertyOptional({ type: EvaluationDto, description: 'a paper evaluation form; attended or completed only' })
  @IsOptional()
  @IsObject({ message: 'evaluation must be an object with the evaluation form' })
  @ValidateNested()
  @Type(() => EvaluationDto)
  evaluation?: EvaluationDto;
}

export class RegisteredParticipant {
  @ApiProperty({ type: 'integer', nullable: true, description: 'the CSV row (header = row 1); null for a participant sent as JSON' })
  row!: number | null;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ description: 'an account was created for this email, to be claimed by the participant' })
  newAccount!: boolean;

  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  status!: RegistrationStatus;

  @ApiProperty({ type: String, nullable: true, description: 'set when registered as completed' })
  certificateCode!: string | null;
}

/** A CSV file of participants, all registered. */
export class ParticipantImportView {
  @ApiProperty({ type: 'integer' })
  created!: number;

  @ApiProperty({ type: [RegisteredParticipant] })
  participants!: RegisteredParticipant[];
}

export type { ImportProblem } from '@trta/files';
