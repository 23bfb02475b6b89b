import PDFDocument from 'pdfkit';
import { setFont, unicodeText, useUnicodeFonts } from '@trta/pdf';

export const MARGIN = 50;
const MUTED = '#555555';
const RULE = '#bbbbbb';

export interface Column {
  header: string;
  /** Relative width; the columns share the page's text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A4 documents for print in the product's embedded Unicode fonts (libs/pdf: names and titles in
 * any script; text stays extractable): headings that never sit alone at a page's foot, tables
 * whose header is repeated on each page, page numbers.
 */
export class PrintLayout {
  readonly doc: PDFKit.PDFDocument;
  private readonly content: Promise<Buffer>;

  constructor(title: string) {
    this.doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: title, Creator: 'TRTA Planner' } });
    useUnicodeFonts(this.doc);
    const chunks: Buffer[] = [];
    this.content = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  text(value: string, options: PDFKit.Mixins.TextOptions = {}): this {
    unicodeText(this.doc, value, options);
    return this;
  }

  /** Starts a new page when less than `height` points are left. */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(value: string, size: number, space = 0.6): void {
    this.doc.moveDown(space);
    this.keep(size * 4);
    setFont(this.doc, 'bold').fontSize(size).fillColor('black');
    this.text(value, { width: this.width });
    this.doc.moveDown(0.2);
  }

  paragraph(value: string, size = 10, colour = 'black'): void {
    setFont(this.doc, 'regular').fontSize(size).fillColor(colour);
    this.text(value, { width: this.width });
  }

  muted(value: string, size = 9): void {
    this.paragraph(value, size, MUTED);
  }

  table(columns: Column[], rows: string[][], fontSize = 8.5): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.width);
    const padding = 3;
    const drawRow = (cells: string[], bold: boolean) => {
      setFont(this.doc, bold ? 'bold' : 'regular').fontSize(fontSize);
      // Measured in the Latin font: close enough for a cell in another script, whose glyphs are of the same size.
      const heights = cells.map((cell, index) => this.doc.heightOfString(cell, { width: widths[index] - 2 * padding }));
      const height = Math.max(...heights) + 2 * padding;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (!bold) drawRow(columns.map((column) => column.header), true);
        setFont(this.doc, 'regular').fontSize(fontSize);
      }
      const top = this.doc.y;
      let x = MARGIN;
      cells.forEach((cell, index) => {
        unicodeText(this.doc.fillColor('black'), cell, x + padding, top + padding, {
          width: widths[index] - 2 * padding,
          align: columns[index].align ?? 'left',
        });
        x += widths[index];
      });
      this.doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + this.width, top + height)
        .lineWidth(bold ? 0.8 : 0.3)
        .strokeColor(RULE)
        .stroke();
      this.doc.x = MARGIN;
      this.doc.y = top + height;
    };
    this.keep(fontSize * 6);
    drawRow(columns.map((column) => column.header), true);
    for (const row of rows) drawRow(row, false);
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
  }

  /** Page numbers at the foot of every page, then the finished file. */
  finish(footer: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const bottomMargin = this.doc.page.margins.bottom;
      // Text below the bottom margin would make pdfkit open a new page.
      this.doc.page.margins.bottom = 0;
      setFont(this.doc, 'regular').fontSize(8).fillColor(MUTED);
      unicodeText(this.doc, `${footer} - page ${index + 1} of ${range.count}`, MARGIN, this.doc.page.height - MARGIN + 15, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.content;
  }
}

/** Groups of three digits in an exact decimal string, without ever making it a number: "1234567.50" → "1,234,567.50". */
export function groupedDecimal(value: string): string {
  const [whole, fraction] = value.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** "2027-03-05" → "5 Mar 2027". */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
