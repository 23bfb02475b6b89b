import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, type AuthUser } from '@trta/http';
import { ParticipationRefusals as R } from '../participation.refusals';
import { applicationFor } from '../shared/application-access';
import { normalizeCertificateCode } from './certificate-code';
import { CertificateFacts, renderCertificatePdf } from './certificate-pdf';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The certificate of a completed application, for its owner or staff, admins and auditors. */
  async pdf(applicationId: string, user: AuthUser): Promise<{ code: string; content: Buffer }> {
    const application = await applicationFor(this.dataSource.manager, applicationId, user);
    if (application.status !== 'completed') {
      throw new DomainException(
        R.CERTIFICATE_NOT_ISSUED,
        `application ${applicationId} is ${application.status}; a certificate is issued when it is completed`,
        { status: application.status },
      );
    }
    const [facts] = (await this.dataSource.query(
      `SELECT ap.certificate_code AS code, coalesce(p.full_name, '') AS participant, a.code AS "activityCode", a.title AS "activityTitle",
         a.start_date::text AS "startDate", a.end_date::text AS "endDate", ap.attended_days AS "attendedDays",
         CASE WHEN a.venue_city IS NOT NULL THEN concat_ws(', ', a.venue_city, c.name) END AS venue,
         to_char(ap.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "completedAt"
       FROM applications ap JOIN activities a ON a.id = ap.activity_id
       LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       LEFT JOIN countries c ON c.code = a.venue_country
       WHERE ap.id = $1 AND ap.status = 'completed'`,
      [applicationId],
    )) as CertificateFacts[];
    if (!facts) throw new DomainException(R.CERTIFICATE_NOT_FOUND, `Certificate of application ${applicationId} not found`);
    return { code: facts.code, content: await renderCertificatePdf(facts) };
  }

  async verify(input: string): Promise<CertificateVerification> {
    const code = normalizeCertificateCode(input);
    if (!code) throw new DomainException(R.CERTIFICATE_CODE_INVALID, 'code must be a certificate code such as TRTA-7K3QX9M2PA');
    const [row] = (await this.dataSource.query(
      `SELECT ap.certificate_code AS code, p.full_name AS participant, a.code AS "activityCode", a.title AS "activityTitle",
         a.start_date::text AS "startDate", a.end_date::text AS "endDate", ap.completed_at AS "completedAt"
       FROM applications ap JOIN activities a ON a.id = ap.activity_id
       LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       WHERE ap.certificate_code = $1 AND ap.status = 'completed'`,
      [code],
    )) as { code: string; participant: string | null; activityCode: string; activityTitle: string; startDate: string | null; endDate: string | null; completedAt: Date }[];
    if (!row) throw new DomainException(R.CERTIFICATE_NOT_FOUND, `Certificate ${code} not found`, { code });
    return {
      code: row.code,
      participant: row.participant,
      activity: { code: row.activityCode, title: row.activityTitle, startDate: row.startDate, endDate: row.endDate },
      completedAt: row.completedAt.toISOString(),
    };
  }
}
