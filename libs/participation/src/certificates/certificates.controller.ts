import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CERTIFICATE_LANGUAGES, type CertificateLanguage } from './certificate-pdf';
import { ApiFileResponse, CurrentUser, Public, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { CertificatesService, CertificateVerification } from './certificates.service';

export class CertificateLanguageDto {
  @ApiPropertyOptional({ enum: CERTIFICATE_LANGUAGES, description: "the certificate's language; the participant's own when absent" })
  @IsOptional()
  @IsIn(CERTIFICATE_LANGUAGES, { message: `lang must be one of: ${CERTIFICATE_LANGUAGES.join(', ')}` })
  lang?: CertificateLanguage;
}

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** The completion certificate as a PDF, in the participant's language (or `?lang=`): the participant's own, or any for staff and auditors. */
  @ApiBearerAuth()
  @Roles('applicant', 'staff', 'auditor')
  @ApiFileResponse('application/pdf')
  @Get('applications/:id/certificate.pdf')
  async pdf(@Param('id', UuidPipe) id: string, @Query() query: CertificateLanguageDto, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const { code, content } = await this.certificates.pdf(id, user, query.lang);
    return new StreamableFile(content, {
      type: 'application/pdf',
      disposition: `attachment; filename="certificate-${code}.pdf"`,
      length: content.length,
    });
  }

  /** Anyone may check a certificate by its code: who completed what, and when. */
  @Public()
  @ApiOkResponse({ type: CertificateVerification })
  @Get('certificates/:code')
  verify(@Param('code') code: string) {
    return this.certificates.verify(code);
  }
}
