import { ApiProperty } from '@nestjs/swagger';
import { GENDERS, INSTITUTION_TYPES, LOCALES, UserView, type Gender, type InstitutionType, type Locale } from '@trta/identity';
import { NotificationKind } from '@trta/notifications';
import { ApplicationView } from './applications.dto';

/** The applicant's profile, as they last saved it. */
export class ApplicantProfileView {
  @ApiProperty()
  fullName!: string;

  @ApiProperty({ enum: GENDERS, enumName: 'Gender' })
  gender!: Gender;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'KEN' })
  nationality!: string;

  @ApiProperty({ description: 'country where the applicant works, ISO 3166-1 alpha-3', example: 'KEN' })
  country!: string;

  @ApiProperty({ enum: INSTITUTION_TYPES, enumName: 'InstitutionType' })
  institutionType!: InstitutionType;

  @ApiProperty()
  institution!: string;

  @ApiProperty()
  position!: string;

  @ApiProperty({ enum: LOCALES, enumName: 'Language', isArray: true })
  languages!: Locale[];

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

/** A file the applicant uploaded, to attach to a participation form by its id. */
export class UploadedFileView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ description: 'detected from the content' })
  mediaType!: string;

  @ApiProperty({ type: 'integer' })
  sizeBytes!: number;
}

/** The account part of the personal data export. */
export class PersonalAccountView extends UserView {
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

/** An evaluation the applicant gave, in the personal data export. */
export class PersonalEvaluationView {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: 'integer' })
  satisfaction!: number;

  @ApiProperty({ type: 'integer' })
  relevance!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  preTestScore!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  postTestScore!: number | null;

  @ApiProperty({ type: String, nullable: true })
  comments!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  appliedInWork!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  followUpComments!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  followUpAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: Date;
}

const NOTIFICATION_STATUSES = ['queued', 'sent', 'outbox', 'failed'] as const;

/** A message to the applicant, in the personal data export. */
export class PersonalNotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  applicationId!: string | null;

  @ApiProperty({ enum: NotificationKind, enumName: 'NotificationKind' })
  kind!: NotificationKind;

  @ApiProperty({ enum: LOCALES, enumName: 'Language' })
  locale!: Locale;

  @ApiProperty()
  toEmail!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: NOTIFICATION_STATUSES, enumName: 'NotificationStatus' })
  status!: (typeof NOTIFICATION_STATUSES)[number];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  processedAt!: Date | null;
}

/** A file the applicant uploaded, in the personal data export. */
export class PersonalFileView extends UploadedFileView {
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

/** Everything kept about the applicant (`GET /api/me/data`, downloaded as my-data.json). */
export class PersonalDataView {
  @ApiProperty({ type: String, format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: PersonalAccountView })
  user!: PersonalAccountView;

  @ApiProperty({ type: ApplicantProfileView, nullable: true })
  profile!: ApplicantProfileView | null;

  @ApiProperty({ type: [ApplicationView] })
  applications!: ApplicationView[];

  @ApiProperty({ type: [PersonalEvaluationView] })
  evaluations!: PersonalEvaluationView[];

  @ApiProperty({ type: [PersonalNotificationView] })
  notifications!: PersonalNotificationView[];

  @ApiProperty({ type: [PersonalFileView] })
  files!: PersonalFileView[];
}
