import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import type { ActivityLanguage } from '@trta/activities';
import { setFont, unicodeText, useUnicodeFonts } from '@trta/pdf';
import type { CatalogueEntry } from '../catalogue/catalogue.dto';
import { CatalogueService } from '../catalogue/catalogue.service';
import { SHEET_LABELS, SheetLabels } from './sheet-labels';

export interface SheetPdf {
  filename: string;
  content: Buffer;
}

const MARGIN = 56;
const LINK_COLOUR = '#1a4d8f';

/** Formats an ISO date (YYYY-MM-DD) as the served language writes it, e.g. "3 mars 2026". */
function longDate(date: string, labels: SheetLabels): string {
  return new Intl.DateTimeFormat(labels.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The printable activity sheet of the public catalogue (DESIGN section 5: GET /api/catalogue/:id/sheet.pdf). */
@Injectable()
export class SheetPdfService {
  constructor(
    private readonly catalogue: CatalogueService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The sheet as an A4 PDF in the served language (the asked one, or the activity's first when
   * the sheet lacks it), with the same 404 as the catalogue for anything not in it. `origin`
   * (scheme and host) makes the materials' download links absolute, as a printed link must be.
   */
  async render(id: string, lang: ActivityLanguage | undefined, origin: string): Promise<SheetPdf> {
    const entry = await this.catalogue.get(id, lang);
    const labels = SHEET_LABELS[entry.servedLanguage];
    const content = await this.draw(entry, labels, await this.venue(entry, labels), origin);
    return { filename: `${entry.code.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`, content };
  }

  private async venue(entry: CatalogueEntry, labels: SheetLabels): Promise<string> {
    const remote = labels.remote[entry.deliveryMode];
    if (remote) return remote;
    let country: string | null = null;
    if (entry.venueCountry) {
      const [row] = (await this.dataSource.query(`SELECT coalesce(names ->> $2, name) AS name FROM countries WHERE code = $1`, [
        entry.venueCountry,
        entry.servedLanguage,
      ])) as { name: string }[];
      country = row?.name ?? entry.venueCountry;
    }
    const place = [entry.venueCity, country].filter(Boolean).join(', ') || labels.toBeAnnounced;
    return entry.deliveryMode === 'hybrid' ? `${place} (${labels.alsoOnline})` : place;
  }

  private draw(entry: CatalogueEntry, labels: SheetLabels, venue: string, origin: string): Promise<Buffer> {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: entry.servedLanguage,
      displayTitle: true,
      info: { Title: `${entry.code} ${entry.title}`, Creator: 'TRTA Planner' },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    // Texts in any script (names, titles, sheets written in other alphabets): Unicode fonts, one per script.
    useUnicodeFonts(doc);
    const text = (value: string, options?: PDFKit.Mixins.TextOptions) =>
      unicodeText(doc, value.replace(/\r\n?/g, '\n').replace(/\t/g, ' '), options);

    setFont(doc, 'bold').fontSize(18).fillColor('black');
    text(entry.title);
    doc.moveDown(0.6);

    const dates =
      entry.startDate && entry.endDate
        ? `${longDate(entry.startDate, labels)} – ${longDate(entry.endDate, labels)}`
        : entry.startDate
          ? longDate(entry.startDate, labels)
          : labels.toBeAnnounced;
    const facts: [string, string][] = [
      [labels.code, entry.code],
      [labels.dates, dates],
      [labels.venue, venue],
      [labels.languages, entry.languages.map((language) => labels.languageNames[language]).join(', ')],
      [labels.applicationDeadline, entry.applicationDeadline ? longDate(entry.applicationDeadline, labels) : labels.toBeAnnounced],
      [labels.nomination, entry.requiresNomination ? labels.nominationRequired : labels.nominationNotRequired],
    ];
    doc.fontSize(11);
    for (const [label, value] of facts) {
      setFont(doc, 'bold');
      text(`${label}: `, { continued: true });
      setFont(doc, 'regular');
      text(value);
    }

    const section = (heading: string, body: string | null) => {
      doc.moveDown(1);
      setFont(doc, 'bold').fontSize(13);
      text(heading);
      doc.moveDown(0.3);
      setFont(doc, 'regular').fontSize(11);
      text(body ?? labels.toBeAnnounced, { align: 'left' });
    };
    section(labels.objectives, entry.objectives);
    section(labels.targetAudience, entry.targetAudience);
    section(labels.applicationRequirements, entry.applicationRequirements);
    doc.moveDown(0.5);
    setFont(doc, 'bold');
    text(`${labels.requiredDocuments}:`);
    setFont(doc, 'regular');
    if (entry.requiredDocuments.length === 0) text(labels.none, { indent: 12 });
    for (const document of entry.requiredDocuments) text(`• ${labels.documents[document]}`, { indent: 12 });
    section(labels.programme, entry.programme);

    if (entry.materials.length > 0) {
      doc.moveDown(1);
      setFont(doc, 'bold').fontSize(13);
      text(labels.materials);
      doc.moveDown(0.3);
      for (const material of entry.materials) {
        const link = material.url ?? (material.downloadUrl ? `${origin}${material.downloadUrl}` : null);
        setFont(doc, 'regular').fontSize(11).fillColor('black');
        text(`• ${material.title}`, { indent: 12 });
        if (link) {
          doc.fontSize(9).fillColor(LINK_COLOUR);
          text(link, { indent: 24, link, underline: true });
        }
      }
    }
    doc.end();
    return done;
  }
}
