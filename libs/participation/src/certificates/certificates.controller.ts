import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, CurrentUser, Public, Roles, type AuthUser } from '@trta/http';
import { CertificatesService, CertificateVerification } from './certificates.service';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** The completion certificate as a PDF: the participant's own, or any for staff and auditors. */
  @ApiBearerAuth()
  @Roles('applicant', 'staff', 'auditor')
  @ApiFileResponse('application/pdf')
  @Get('applications/:id/certificate.pdf')
  async pdf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const { code, content } = await this.certificates.pdf(id, user);
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
