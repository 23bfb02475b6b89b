import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { setFont, unicodeText, useUnicodeFonts } from '@trta/pdf';

export const CERTIFICATE_LANGUAGES = ['en', 'fr', 'es'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

export interface CertificateFacts {
  code: string;
  participant: string;
  activityCode: string;
  activityTitle: string;
  startDate: string | null;
  endDate: string | null;
  /** The venue's city and its country's name in the certificate's language; null online. */
  venue: string | null;
  attendedDays: number | null;
  completedAt: string;
}

interface CertificateLabels {
  locale: string;
  organisation: string;
  title: string;
  certifies: string;
  completed: string;
  heldFromTo: (start: string, end: string) => string;
  heldOn: (day: string) => string;
  inVenue: (venue: string) => string;
  daysAttended: (days: number) => string;
  completedOn: (day: string) => string;
  code: (code: string) => string;
  verifyAt: string;
  scan: string;
}

/** The certificate's words in each language of the product. */
export const CERTIFICATE_LABELS: Record<CertificateLanguage, CertificateLabels> = {
  en: {
    locale: 'en-GB',
    organisation: 'World Trade Organization – Trade-Related Technical Assistance',
    title: 'Certificate of Completion',
    certifies: 'This certifies that',
    completed: 'has completed the activity',
    heldFromTo: (start, end) => `held from ${start} to ${end}`,
    heldOn: (day) => `held on ${day}`,
    inVenue: (venue) => `in ${venue}`,
    daysAttended: (days) => `Days attended: ${days}`,
    completedOn: (day) => `Completed on ${day}`,
    code: (code) => `Verification code: ${code}`,
    verifyAt: 'Verify this certificate at',
    scan: 'or scan the code',
  },
  fr: {
    locale: 'fr-FR',
    organisation: 'Organisation mondiale du commerce – Assistance technique liée au commerce',
    title: 'Certificat de réussite',
    certifies: 'Il est certifié que',
    completed: 'a suivi avec succès l’activité',
    heldFromTo: (start, end) => `qui s’est tenue du ${start} au ${end}`,
    heldOn: (day) => `qui s’est tenue le ${day}`,
    inVenue: (venue) => `à ${venue}`,
    daysAttended: (days) => `Jours de présence : ${days}`,
    completedOn: (day) => `Achevée le ${day}`,
    code: (code) => `Code de vérification : ${code}`,
    verifyAt: 'Vérifiez ce certificat à l’adresse',
    scan: 'ou scannez le code',
  },
  es: {
    locale: 'es-ES',
    organisation: 'Organización Mundial del Comercio – Asistencia técnica relacionada con el comercio',
    title: 'Certificado de finalización',
    certifies: 'Se certifica que',
    completed: 'ha completado la actividad',
    heldFromTo: (start, end) => `celebrada del ${start} al ${end}`,
    heldOn: (day) => `celebrada el ${day}`,
    inVenue: (venue) => `en ${venue}`,
    daysAttended: (days) => `Días de asistencia: ${days}`,
    completedOn: (day) => `Finalizada el ${day}`,
    code: (code) => `Código de verificación: ${code}`,
    verifyAt: 'Verifique este certificado en',
    scan: 'o escanee el código',
  },
};

/** The public page where anyone checks a certificate: the web application's, under PUBLIC_URL. */
export function verificationUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/certificates/${encodeURIComponent(code)}`;
}

/** An ISO date (or timestamp) as the language writes it, e.g. "3 mars 2026". */
export function longDate(value: string, labels: CertificateLabels): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function held(facts: CertificateFacts, labels: CertificateLabels): string | null {
  const parts: string[] = [];
  if (facts.startDate) {
    parts.push(
      facts.endDate && facts.endDate !== facts.startDate
        ? labels.heldFromTo(longDate(facts.startDate, labels), longDate(facts.endDate, labels))
        : labels.heldOn(longDate(facts.startDate, labels)),
    );
  }
  if (facts.venue) parts.push(labels.inVenue(facts.venue));
  return parts.length ? parts.join(' ') : null;
}

/** Draws `url` as a QR code (vector squares) at (x, y), `size` points wide. */
function drawQrCode(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  doc.save().fillColor('black');
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.modules.get(row, column)) doc.rect(x + column * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/**
 * The completion certificate, one A4 landscape page in the participant's language: their name in
 * any script (Unicode fonts embedded), dates as the language writes them, and the full public
 * address where anyone verifies it, also as a QR code. The text stays extractable.
 */
export function renderCertificatePdf(facts: CertificateFacts, language: CertificateLanguage, publicUrl: string): Promise<Buffer> {
  const labels = CERTIFICATE_LABELS[language];
  const url = verificationUrl(publicUrl, facts.code);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 60,
      lang: language,
      info: { Title: `${labels.title} ${facts.code}`, Author: 'WTO Institute for Training and Technical Cooperation', Subject: facts.activityTitle },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      useUnicodeFonts(doc);
      const width = doc.page.width - 120;
      const centred = { align: 'center' as const, width };
      doc.rect(30, 30, doc.page.width - 60, doc.page.height - 60).lineWidth(2).stroke('#1f4e79');
      doc.y = 70;
      setFont(doc, 'regular').fontSize(13).fillColor('#1f4e79');
      unicodeText(doc, labels.organisation, 60, doc.y, centred);
      doc.moveDown(1.2);
      setFont(doc, 'bold').fontSize(30).fillColor('black');
      unicodeText(doc, labels.title, 60, doc.y, centred);
      doc.moveDown(0.8);
      setFont(doc, 'regular').fontSize(14);
      unicodeText(doc, labels.certifies, 60, doc.y, centred);
      doc.moveDown(0.4);
      setFont(doc, 'bold').fontSize(24);
      unicodeText(doc, facts.participant, 60, doc.y, centred);
      doc.moveDown(0.4);
      setFont(doc, 'regular').fontSize(14);
      unicodeText(doc, labels.completed, 60, doc.y, centred);
      doc.moveDown(0.4);
      setFont(doc, 'bold').fontSize(18);
      unicodeText(doc, facts.activityTitle, 60, doc.y, centred);
      setFont(doc, 'regular').fontSize(12);
      unicodeText(doc, `(${facts.activityCode})`, 60, doc.y, centred);
      const when = held(facts, labels);
      if (when) {
        doc.moveDown(0.4);
        doc.fontSize(13);
        unicodeText(doc, when, 60, doc.y, centred);
      }
      doc.fontSize(12);
      if (facts.attendedDays !== null) unicodeText(doc, labels.daysAttended(facts.attendedDays), 60, doc.y, centred);
      doc.moveDown(0.3);
      unicodeText(doc, labels.completedOn(longDate(facts.completedAt, labels)), 60, doc.y, centred);

      // The verification block at the foot: the code, the full address, and the QR code to it.
      const qrSize = 84;
      const footY = doc.page.height - 60 - qrSize - 10;
      drawQrCode(doc, url, doc.page.width - 60 - qrSize - 10, footY, qrSize);
      const textWidth = doc.page.width - 120 - qrSize - 40;
      doc.fontSize(11).fillColor('#333333');
      unicodeText(doc, labels.code(facts.code), 70, footY + 10, { width: textWidth });
      unicodeText(doc, `${labels.verifyAt}`, 70, doc.y + 2, { width: textWidth });
      doc.fillColor('#1a4d8f');
      doc.text(url, 70, doc.y, { width: textWidth, link: url, underline: true });
      doc.fillColor('#333333');
      unicodeText(doc, labels.scan, 70, doc.y + 2, { width: textWidth });
      doc.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}
