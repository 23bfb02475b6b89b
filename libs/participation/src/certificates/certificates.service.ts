import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trta/config';
import { ACTIVITY_FIELDS } from '@trta/activities';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import { DomainException, type AuthUser } from '@trta/http';
import { ParticipationRefusals as R } from '../participation.refusals';
import { applicationFor } from '../shared/application-access';
import { normalizeCertificateCode } from './certificate-code';
import { CERTIFICATE_LANGUAGES, type CertificateFacts, type CertificateLanguage, renderCertificatePdf } from './certificate-pdf';

/** The certified activity's fields, over `applications ap JOIN activities a`. */
const CERTIFIED_ACTIVITY_FIELDS = {
  activityCode: `a.${ACTIVITY_FIELDS.code}`,
  activityTitle: `a.${ACTIVITY_FIELDS.title}`,
  startDate: `a.${ACTIVITY_FIELDS.startDate}`,
  endDate: `a.${ACTIVITY_FIELDS.endDate}`,
} as const;

/**
 * What the certificate prints (`p` the applicant's profile, `c` the venue's country, `u` the
 * participant's account; $2 the certificate's language, null for the participant's own).
 */
const CERTIFICATE_FIELDS: FieldMap<CertificateFacts & { language: CertificateLanguage }> = {
  code: 'ap.certificate_code',
  participant: "coalesce(p.full_name, '')",
  ...CERTIFIED_ACTIVITY_FIELDS,
  attendedDays: 'ap.attended_days',
  venue: `CASE WHEN a.venue_city IS NOT NULL THEN concat_ws(', ', a.venue_city, coalesce(c.names ->> coalesce($2, u.locale), c.name)) END`,
  completedAt: `to_char(ap.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
  language: 'coalesce($2, u.locale)',
};

/** What a verification shows of a certificate. */
const VERIFICATION_FIELDS: FieldMap<
  Pick<CertificateFacts, 'code' | 'activityCode' | 'activityTitle' | 'startDate' | 'endDate'> & { participant: string | null; completedAt: Date }
> = {
  code: 'ap.certificate_code',
  participant: 'p.full_name',
  ...CERTIFIED_ACTIVITY_FIELDS,
  completedAt: 'ap.completed_at',
};

/** The activity a certificate was issued for. */
export class CertifiedActivityView {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate!: string | null;
}

/** What the public verification says: who completed what and when — and nothing else (no email, country or ids). */
export class CertificateVerification {
  @ApiProperty({ example: 'TRTA-7K3QX9M2PA' })
  code!: string;

  @ApiProperty({ type: String, nullable: true, description: "the participant's full name" })
  participant!: string | null;

  @ApiProperty({ type: CertifiedActivityView })
  activity!: CertifiedActivityView;

  @ApiProperty({ type: String, format: 'date-time' })
  completedAt!: string;
}

@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * The certificate of a completed application, for its owner or staff, admins and auditors, in
   * `language` or else the participant's own (their account's language).
   */
  async pdf(applicationId: string, user: AuthUser, language?: CertificateLanguage): Promise<{ code: string; content: Buffer }> {
    const application = await applicationFor(this.dataSource.manager, applicationId, user);
    if (application.status !== 'completed') {
      throw new DomainException(
        R.CERTIFICATE_NOT_ISSUED,
        `application ${applicationId} is ${application.status}; a certificate is issued when it is completed`,
        { status: application.status },
      );
    }
    const [facts] = await queryRows(
      this.dataSource.manager,
      CERTIFICATE_FIELDS,
      `SELECT ${selectList(CERTIFICATE_FIELDS)}
       FROM applications ap JOIN activities a ON a.id = ap.activity_id JOIN users u ON u.id = ap.applicant_id
       LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       LEFT JOIN countries c ON c.code = a.venue_country
       WHERE ap.id = $1 AND ap.status = 'completed'`,
      [applicationId, language ?? null],
    );
    if (!facts) throw new DomainException(R.CERTIFICATE_NOT_FOUND, `Certificate of application ${applicationId} not found`);
    const { language: printed, ...printedFacts } = facts;
    const served = (CERTIFICATE_LANGUAGES as readonly string[]).includes(printed) ? printed : 'en';
    return { code: facts.code, content: await renderCertificatePdf(printedFacts, served, this.config.PUBLIC_URL) };
  }

  async verify(input: string): Promise<CertificateVerification> {
    const code = normalizeCertificateCode(input);
    if (!code) throw new DomainException(R.CERTIFICATE_CODE_INVALID, 'code must be a certificate code such as TRTA-7K3QX9M2PA');
    const [row] = await queryRows(
      this.dataSource.manager,
      VERIFICATION_FIELDS,
      `SELECT ${selectList(VERIFICATION_FIELDS)}
       FROM applications ap JOIN activities a ON a.id = ap.activity_id
       LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       WHERE ap.certificate_code = $1 AND ap.status = 'completed'`,
      [code],
    );
    if (!row) throw new DomainException(R.CERTIFICATE_NOT_FOUND, `Certificate ${code} not found`, { code });
    return {
      code: row.code,
      participant: row.participant,
      activity: { code: row.activityCode, title: row.activityTitle, startDate: row.startDate, endDate: row.endDate },
      completedAt: row.completedAt.toISOString(),
    };
  }
}
