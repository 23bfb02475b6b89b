import PDFDocument from 'pdfkit';
import { setFont, unicodeText, useUnicodeFonts } from '@trta/pdf';
import { AuditReportData, DIMENSION_SECTIONS } from '../audit-data';
import { barChart, donutChart, PALETTE } from './audit-report-charts';
import { AuditReportMeta, changeKind, DIMENSION_COLUMNS, formatFigure, humanize, MetricKind, TOTALS_METRICS, totalsMetric } from './audit-export-format';

const MARGIN = 50;
const BRAND = '#1f4e79';
const INK = '#222222';
const MUTED = '#555555';
const FOOTER_SPACE = 24;

const isoDate = (value: string | Date | null) => (value ? new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '-');

interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
}

/** Lays out pages top to bottom, adding a page whenever the next block would not fit. */
class Layout {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER_SPACE;
  }

  /** A new A4 page, in the orientation of the current one unless told otherwise. */
  newPage(layout: 'portrait' | 'landscape' = this.doc.page.layout as 'portrait' | 'landscape'): void {
    this.doc.addPage({ size: 'A4', layout, margin: MARGIN });
  }

  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  heading(text: string, size = 18): void {
    this.ensure(size + 60);
    unicodeText(setFont(this.doc, 'bold').fontSize(size).fillColor(BRAND), text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
  }

  note(text: string): void {
    unicodeText(setFont(this.doc, 'regular').fontSize(8.5).fillColor(MUTED), text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.5);
  }

  /** A table with a repeated header row on every page it runs over. */
  table(title: string, columns: TableColumn[], rows: string[][], fontSize = 8): void {
    const doc = this.doc;
    const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / totalWidth) * this.width);
    const padding = 3;
    const heightOf = (cells: string[], bold: boolean) => {
      setFont(doc, bold ? 'bold' : 'regular').fontSize(fontSize);
      return Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: widths[index] - 2 * padding }))) + 2 * padding;
    };
    const drawRow = (cells: string[], y: number, height: number, style: 'header' | 'even' | 'odd') => {
      if (style !== 'odd') doc.rect(MARGIN, y, this.width, height).fill(style === 'header' ? BRAND : '#eef3f8');
      setFont(doc, style === 'header' ? 'bold' : 'regular').fontSize(fontSize).fillColor(style === 'header' ? '#ffffff' : INK);
      let x = MARGIN;
      cells.forEach((cell, index) => {
        unicodeText(doc, cell, x + padding, y + padding, { width: widths[index] - 2 * padding, align: columns[index].align ?? 'left' });
        x += widths[index];
      });
    };
    const header = columns.map((column) => column.header);
    const headerHeight = heightOf(header, true);
    const body = rows;

    this.ensure(30 + headerHeight + 2 * (fontSize + 8));
    unicodeText(setFont(doc, 'bold').fontSize(12).fillColor(BRAND), title, MARGIN, doc.y, { width: this.width });
    doc.moveDown(0.3);
    let y = doc.y;
    drawRow(header, y, headerHeight, 'header');
    y += headerHeight;
    if (body.length === 0) {
      setFont(doc, 'italic').fontSize(fontSize).fillColor(MUTED).text('No rows for this year.', MARGIN + padding, y + padding, { width: this.width });
      y = doc.y + padding;
    }
    body.forEach((cells, index) => {
      const height = heightOf(cells, false);
      if (y + height > this.bottom) {
        this.newPage();
        unicodeText(setFont(doc, 'italic').fontSize(8).fillColor(MUTED), `${title} (continued)`, MARGIN, doc.y, { width: this.width });
        y = doc.y + 2;
        drawRow(header, y, headerHeight, 'header');
        y += headerHeight;
      }
      drawRow(cells, y, height, index % 2 === 0 ? 'odd' : 'even');
      y += height;
    });
    doc.x = MARGIN;
    doc.y = y + 16;
  }
}

function titlePage(doc: PDFKit.PDFDocument, report: AuditReportMeta, data: AuditReportData): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.rect(0, 0, doc.page.width, 150).fill(BRAND);
  setFont(doc, 'regular').fontSize(12).fillColor('#ffffff').text('Trade-Related Technical Assistance', MARGIN, 60, { width });
  doc.fontSize(10).text('Annual report to members, donors and the secretariat', MARGIN, 80, { width });

  setFont(doc, 'bold').fontSize(26).fillColor(BRAND).text(`Technical Cooperation Audit ${data.year}`, MARGIN, 250, { width });
  doc.moveDown(0.5);
  setFont(doc, 'regular').fontSize(13).fillColor(INK);
  const status = report.finalizedAt ? `Finalized on ${isoDate(report.finalizedAt)}` : 'Draft: completed, not yet finalized';
  const facts: Array<[string, string]> = [
    ['Version', String(report.version)],
    ['Status', status],
    ['Generated', isoDate(report.completedAt)],
    ['Compared with', String(data.changeVsPreviousYear.previousYear)],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    setFont(doc, 'bold').text(`${label}:`, MARGIN, y, { width: 120, lineBreak: false });
    setFont(doc, 'regular').text(value, MARGIN + 120, y, { width: width - 120 });
    doc.moveDown(0.3);
  }
  doc.moveDown(1);
  setFont(doc, 'bold').fontSize(10).text('Checksum (SHA-256 of the snapshot):', MARGIN, doc.y, { width });
  doc.font('Courier').fontSize(9).text(report.checksum, MARGIN, doc.y, { width });
  doc.moveDown(2);
  setFont(doc, 'regular').fontSize(9).fillColor(MUTED).text(
    `An activity counts when it was delivered and ended in ${data.year}. A participation is an application to a counted activity ` +
      'that was attended or completed; a participant is a distinct person among them. Shares are of participations unless said ' +
      'otherwise; money is in Swiss francs (CHF).',
    MARGIN,
    doc.y,
    { width },
  );
}

function keyFiguresPage(layout: Layout, data: AuditReportData): void {
  const doc = layout.doc;
  const t = data.totals;
  const of = (part: number, whole: number, what: string) => `${formatFigure(part, 'count')} of ${formatFigure(whole, 'count')} ${what}`;
  const figures: Array<[string, string, string]> = [
    ['Participations', formatFigure(t.participations, 'count'), `in ${formatFigure(t.activitiesCounted, 'count')} delivered activities`],
    ['Participants', formatFigure(t.participants, 'count'), 'distinct people'],
    ['Completion rate', formatFigure(t.completionRate, 'share'), of(t.completed, t.participations, 'participations completed')],
    ['Women share', formatFigure(t.womenShare, 'share'), of(t.women, t.participations, 'participations')],
    ['LDC share', formatFigure(t.ldcShare, 'share'), of(t.ldcParticipations, t.participations, 'participations')],
    ['E-learning share', formatFigure(t.eLearningShare, 'share'), of(t.eLearningParticipations, t.participations, 'participations')],
    ['Evaluation response rate', formatFigure(t.evaluationResponseRate, 'share'), `${formatFigure(t.evaluations, 'count')} evaluations`],
    ['Learning gain', formatFigure(t.learningGain, 'mean'), 'mean post-test minus pre-test score (points)'],
    ['Budget execution', formatFigure(t.budgetExecution, 'share'), `CHF ${formatFigure(t.budgetActual, 'money')} of ${formatFigure(t.budgetPlanned, 'money')} planned`],
    ['Results met', formatFigure(t.resultsMetShare, 'share'), of(t.resultsMet, t.reportsReceived, 'back-to-office reports')],
  ];
  layout.newPage();
  layout.heading(`Key figures ${data.year}`);
  layout.note(
    `${formatFigure(t.activitiesPlanned, 'count')} activities planned, ${formatFigure(t.activitiesCounted, 'count')} delivered and counted, ` +
      `${formatFigure(t.activitiesCancelled, 'count')} cancelled, ${formatFigure(t.activitiesPostponed, 'count')} postponed.`,
  );
  const gap = 15;
  const boxWidth = (layout.width - gap) / 2;
  const boxHeight = 92;
  const top = doc.y + 6;
  figures.forEach(([label, value, detail], index) => {
    const x = MARGIN + (index % 2) * (boxWidth + gap);
    const y = top + Math.floor(index / 2) * (boxHeight + gap);
    doc.roundedRect(x, y, boxWidth, boxHeight, 6).lineWidth(1).fillAndStroke('#f4f7fb', '#c5d3e3');
    setFont(doc, 'regular').fontSize(10).fillColor(MUTED).text(label, x + 14, y + 12, { width: boxWidth - 28, lineBreak: false });
    setFont(doc, 'bold').fontSize(26).fillColor(BRAND).text(value, x + 14, y + 30, { width: boxWidth - 28, lineBreak: false });
    unicodeText(setFont(doc, 'regular').fontSize(8.5).fillColor(INK), detail, x + 14, y + 66, { width: boxWidth - 28, lineBreak: false, ellipsis: true });
  });
  doc.x = MARGIN;
  doc.y = top + 5 * (boxHeight + gap);
}

function chartPages(layout: Layout, data: AuditReportData): void {
  const doc = layout.doc;
  const height = (doc.page.height - 2 * MARGIN - FOOTER_SPACE - 60) / 2;
  const box = (slot: 0 | 1) => ({ x: MARGIN, y: MARGIN + 30 + slot * (height + 20), width: layout.width, height });
  const share = (value: number) => formatFigure(value, 'share').replace('.0%', '%');

  layout.newPage();
  layout.heading(`Charts ${data.year}`);
  barChart(doc, box(0), {
    title: 'Participants by region',
    categories: data.byRegion.map((row) => humanize(row.key)),
    series: [{ name: 'Participants', color: PALETTE[0], values: data.byRegion.map((row) => row.participants) }],
    xLabel: "Region (of the participant's country; global activities count as global)",
    yLabel: 'Participants (distinct people)',
    integer: true,
    format: (value) => formatFigure(value, 'count'),
  });
  barChart(doc, box(1), {
    title: 'Women share by product category',
    categories: data.byProductCategory.map((row) => humanize(row.key)),
    series: [{ name: 'Women share', color: PALETTE[3], values: data.byProductCategory.map((row) => row.womenShare ?? 0) }],
    xLabel: 'Product category',
    yLabel: 'Women share of participations (0-100%)',
    yMax: 1,
    format: share,
  });

  layout.newPage();
  donutChart(
    doc,
    { ...box(0), y: MARGIN },
    'Activities by delivery mode',
    data.byDeliveryMode.map((row, index) => ({ label: humanize(row.key), value: row.activities, color: PALETTE[index % PALETTE.length] })),
    'activities',
  );
  const funding = data.budget.byFundingSource;
  barChart(doc, { ...box(1), y: box(1).y - 10 }, {
    title: 'Budget planned vs actual by funding source',
    categories: funding.map((row) => humanize(row.key)),
    series: [
      { name: 'Planned', color: PALETTE[6], values: funding.map((row) => Number(row.budgetPlanned)) },
      { name: 'Actual', color: PALETTE[1], values: funding.map((row) => Number(row.budgetActual)) },
    ],
    xLabel: 'Funding source',
    yLabel: 'Budget (CHF)',
    format: (value) => formatFigure(value, 'count'),
  });
}

function sectionTables(layout: Layout, data: AuditReportData): void {
  const f = formatFigure;
  layout.newPage();
  layout.heading(`Figures by section ${data.year}`);

  layout.table(
    'Totals',
    [{ header: 'Metric', width: 3 }, { header: 'Value', width: 1.2, align: 'right' }],
    TOTALS_METRICS.map(({ metric, label, kind }) => [label, f(data.totals[metric], kind)]),
    9,
  );

  layout.table(
    'Key results: indicators against targets',
    [
      { header: 'Key result', width: 2 },
      { header: 'Indicator', width: 2.6 },
      { header: 'Unit', width: 1 },
      { header: 'Baseline', width: 1, align: 'right' },
      { header: 'Target', width: 1, align: 'right' },
      { header: 'Actual', width: 1, align: 'right' },
      { header: 'Achievement', width: 1.3, align: 'right' },
    ],
    data.keyResults.map((row) => [
      `${row.keyResult} ${row.keyResultTitle}`,
      row.description,
      row.unit,
      f(row.baseline, 'money'),
      f(row.target, 'money'),
      f(row.actual, 'money'),
      f(row.achievement, 'share'),
    ]),
  );

  const dimensionColumns = [
    { header: '', width: 1.6 },
    ...DIMENSION_COLUMNS.map((column) => ({ header: column.header, width: column.kind === 'money' ? 1.35 : 1, align: 'right' as const })),
  ];
  // Eleven figures a row need the width of a landscape page.
  layout.newPage('landscape');
  layout.heading(`Breakdowns ${data.year}`);
  for (const [section, title] of DIMENSION_SECTIONS) {
    dimensionColumns[0] = { header: humanize(title.replace(/^By /, '')), width: 1.6 };
    layout.table(
      title,
      [...dimensionColumns],
      data[section].map((row) => [humanize(row.key), ...DIMENSION_COLUMNS.map((column) => f(row[column.field], column.kind))]),
      7,
    );
  }

  layout.table(
    'Top beneficiary countries',
    [
      { header: 'Country', width: 2.2 },
      { header: 'Region', width: 1.4 },
      { header: 'LDC', width: 0.6 },
      { header: 'Participations', width: 1.1, align: 'right' },
      { header: 'Participants', width: 1, align: 'right' },
      { header: 'Completion rate', width: 1, align: 'right' },
      { header: 'Women share', width: 1, align: 'right' },
    ],
    data.topBeneficiaryCountries.map((row) => [
      `${row.name} (${row.key})`,
      humanize(row.region),
      row.ldc ? 'yes' : 'no',
      f(row.participations, 'count'),
      f(row.participants, 'count'),
      f(row.completionRate, 'share'),
      f(row.womenShare, 'share'),
    ]),
  );

  layout.newPage('portrait');
  const e = data.evaluation;
  const scores = ['1', '2', '3', '4', '5'] as const;
  layout.table(
    'Evaluation results',
    [{ header: 'Metric', width: 3 }, { header: 'Value', width: 1.2, align: 'right' }],
    [
      ['Responses', f(e.responses, 'count')],
      ['Response rate', f(e.responseRate, 'share')],
      ['Satisfaction, mean (1-5)', f(e.satisfactionMean, 'mean')],
      ['Satisfaction, responses scoring 1 / 2 / 3 / 4 / 5', scores.map((score) => e.satisfaction[score]).join(' / ')],
      ['Relevance, mean (1-5)', f(e.relevanceMean, 'mean')],
      ['Relevance, responses scoring 1 / 2 / 3 / 4 / 5', scores.map((score) => e.relevance[score]).join(' / ')],
      ['Responses with both test scores', f(e.withTestScores, 'count')],
      ['Learning gain (test points)', f(e.learningGain, 'mean')],
      ['Applied in work: yes / no / unanswered', `${e.appliedInWork.yes} / ${e.appliedInWork.no} / ${e.appliedInWork.unanswered}`],
    ],
    9,
  );

  const budgetColumns: TableColumn[] = [
    { header: 'Activities', width: 1, align: 'right' },
    { header: 'Budget planned (CHF)', width: 1.5, align: 'right' },
    { header: 'Budget actual (CHF)', width: 1.5, align: 'right' },
    { header: 'Execution', width: 1, align: 'right' },
  ];
  layout.table(
    'Budget by funding source',
    [{ header: 'Funding source', width: 2 }, ...budgetColumns],
    data.budget.byFundingSource.map((row) => [humanize(row.key), f(row.activities, 'count'), f(row.budgetPlanned, 'money'), f(row.budgetActual, 'money'), f(row.execution, 'share')]),
  );
  layout.table(
    'Budget by product',
    [{ header: 'Product', width: 2.6 }, { header: 'Category', width: 1.2 }, ...budgetColumns],
    data.budget.byProduct.map((row) => [
      row.name ? `${row.key} ${row.name}` : row.key,
      humanize(row.category ?? ''),
      f(row.activities, 'count'),
      f(row.budgetPlanned, 'money'),
      f(row.budgetActual, 'money'),
      f(row.execution, 'share'),
    ]),
  );

  const { previousYear, rows } = data.changeVsPreviousYear;
  layout.table(
    `Change against ${previousYear}`,
    [
      { header: 'Metric', width: 2.6 },
      { header: String(data.year), width: 1, align: 'right' },
      { header: String(previousYear), width: 1, align: 'right' },
      { header: 'Change', width: 1, align: 'right' },
      { header: 'Change (relative)', width: 1.1, align: 'right' },
    ],
    rows.map((row) => {
      const kind: MetricKind = changeKind(row);
      const signed = (value: number | null) => (value !== null && value > 0 ? `+${f(value, kind)}` : f(value, kind));
      return [totalsMetric(row.metric).label, f(row.current, kind), f(row.previous, kind), signed(row.change), f(row.changeShare, 'share')];
    }),
  );
}

/** Page numbers and the report's name at the foot of every page but the title page. */
function footers(doc: PDFKit.PDFDocument, report: AuditReportMeta, data: AuditReportData): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // Text below the bottom margin would make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    setFont(doc, 'regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`Technical Cooperation Audit ${data.year}, version ${report.version} - page ${index + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}

/**
 * The report as a committee reads it (A4): a title page, the key figures, four charts drawn as
 * vector graphics, then a table per section, in embedded Unicode fonts (text in any script, extractable).
 */
export function auditReportPdf(report: AuditReportMeta, data: AuditReportData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      info: {
        Title: `Technical Cooperation Audit ${data.year}`,
        Subject: `Version ${report.version}, checksum ${report.checksum}`,
        Author: 'TRTA Planner',
        CreationDate: report.completedAt ? new Date(report.completedAt) : undefined,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      // Names in any script (countries, divisions, partners): Unicode fonts, one per script.
      useUnicodeFonts(doc);
      const layout = new Layout(doc);
      titlePage(doc, report, data);
      keyFiguresPage(layout, data);
      chartPages(layout, data);
      sectionTables(layout, data);
      footers(doc, report, data);
      doc.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}
