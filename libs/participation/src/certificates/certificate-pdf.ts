import PDFDocument from 'pdfkit';

export interface CertificateFacts {
  code: string;
  participant: string;
  activityCode: string;
  activityTitle: string;
  startDate: string | null;
  endDate: string | null;
  venue: string | null;
  attendedDays: number | null;
  completedAt: string;
}

/** Where anyone checks a certificate (GET /api/certificates/:code). */
export function verificationPath(code: string): string {
  return `/api/certificates/${code}`;
}

function period(facts: CertificateFacts): string | null {
  if (!facts.startDate) return null;
  return facts.endDate && facts.endDate !== facts.startDate ? `from ${facts.startDate} to ${facts.endDate}` : `on ${facts.startDate}`;
}

/**
 * The completion certificate, one A4 landscape page. The standard PDF fonts cover Latin-1, which
 * the three languages of the product need; the text stays extractable, so it can be searched.
 */
export function renderCertificatePdf(facts: CertificateFacts): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 60,
      info: { Title: `Certificate ${facts.code}`, Author: 'WTO Institute for Training and Technical Cooperation', Subject: facts.activityTitle },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = doc.page.width - 120;
    doc.rect(30, 30, doc.page.width - 60, doc.page.height - 60).lineWidth(2).stroke('#1f4e79');
    doc.moveDown(2);
    doc.font('Helvetica').fontSize(14).fillColor('#1f4e79').text('World Trade Organization - Trade-Related Technical Assistance', { align: 'center', width });
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(32).fillColor('black').text('Certificate of Completion', { align: 'center', width });
    doc.moveDown(1.2);
    doc.font('Helvetica').fontSize(14).text('This certifies that', { align: 'center', width });
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(24).text(facts.participant, { align: 'center', width });
    doc.moveDown(0.6);
    doc.font('Helvetica').fontSize(14).text('has completed the activity', { align: 'center', width });
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(18).text(facts.activityTitle, { align: 'center', width });
    doc.font('Helvetica').fontSize(12).text(`(${facts.activityCode})`, { align: 'center', width });
    const when = [period(facts), facts.venue ? `in ${facts.venue}` : null].filter(Boolean).join(' ');
    if (when) {
      doc.moveDown(0.6);
      doc.fontSize(13).text(`held ${when}`, { align: 'center', width });
    }
    if (facts.attendedDays !== null) doc.fontSize(12).text(`Days attended: ${facts.attendedDays}`, { align: 'center', width });
    doc.moveDown(0.6);
    doc.fontSize(12).text(`Completed on ${facts.completedAt.slice(0, 10)}`, { align: 'center', width });
    doc.moveDown(2);
    doc.fontSize(11).fillColor('#333333').text(`Verification code: ${facts.code}`, { align: 'center', width });
    doc.text(`Verify this certificate at ${verificationPath(facts.code)}`, { align: 'center', width });
    doc.end();
  });
}
