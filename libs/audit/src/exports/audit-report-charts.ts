import { setFont, unicodeText } from '@trta/pdf';
/**
 * Charts drawn as vector graphics with pdfkit's own path, rectangle and text operators: they
 * stay sharp at any zoom, their labels can be searched and copied, and no image library is needed.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

export interface BarChartSpec {
  title: string;
  categories: string[];
  series: BarSeries[];
  xLabel: string;
  yLabel: string;
  /** Fixed top of the scale (1 for shares); else a round number above the largest value. */
  yMax?: number;
  /** Counts: ticks on whole numbers only. */
  integer?: boolean;
  format(value: number): string;
}

export interface PieSlice {
  label: string;
  value: number;
  color: string;
}

export const PALETTE = ['#1f4e79', '#e67e22', '#27ae60', '#8e44ad', '#c0392b', '#16a085', '#2e86c1', '#7f8c8d', '#d4ac0d', '#6c3483'];

const INK = '#222222';
const GRID = '#d5d8dc';
const AXIS = '#555555';

/** A round top for the axis and a step giving 4 to 5 ticks: 1, 2 or 5 times a power of ten. */
export function niceScale(maximum: number, integer = false): { max: number; step: number } {
  if (!(maximum > 0)) return integer ? { max: 1, step: 1 } : { max: 1, step: 0.25 };
  const rough = maximum / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  if (integer) step = Math.max(1, Math.round(step));
  return { max: Math.ceil(maximum / step) * step, step };
}

function chartTitle(doc: PDFKit.PDFDocument, box: Box, title: string): number {
  setFont(doc, 'bold').fontSize(12).fillColor(INK).text(title, box.x, box.y, { width: box.width, lineBreak: false });
  return box.y + 20;
}

function legend(doc: PDFKit.PDFDocument, x: number, y: number, entries: Array<{ label: string; color: string }>): void {
  setFont(doc, 'regular').fontSize(8);
  let cursor = x;
  for (const entry of entries) {
    doc.rect(cursor, y + 1, 8, 8).fill(entry.color);
    unicodeText(doc.fillColor(INK), entry.label, cursor + 12, y, { lineBreak: false });
    cursor += 12 + doc.widthOfString(entry.label) + 16;
  }
}

/** Vertical bars, one group per category and one bar per series, with axes, ticks and value labels. */
export function barChart(doc: PDFKit.PDFDocument, box: Box, spec: BarChartSpec): void {
  let top = chartTitle(doc, box, spec.title);
  if (spec.series.length > 1) {
    legend(doc, box.x + 50, top, spec.series.map((series) => ({ label: series.name, color: series.color })));
  }
  top += 16;
  const plot = { x: box.x + 58, y: top + 6, width: box.width - 66, height: box.y + box.height - top - 6 - 46 };
  const largest = Math.max(0, ...spec.series.flatMap((series) => series.values));
  const scale = spec.yMax ? { max: spec.yMax, step: spec.yMax / 4 } : niceScale(largest, spec.integer);
  const yOf = (value: number) => plot.y + plot.height - (Math.min(value, scale.max) / scale.max) * plot.height;

  setFont(doc, 'regular').fontSize(7).lineWidth(0.5);
  for (let tick = 0; tick <= scale.max + scale.step / 1000; tick += scale.step) {
    const y = yOf(tick);
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).strokeColor(GRID).stroke();
    doc.fillColor(AXIS).text(spec.format(tick), plot.x - 50, y - 3, { width: 46, align: 'right', lineBreak: false });
  }
  doc.moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).strokeColor(AXIS).stroke();

  if (spec.categories.length === 0) {
    setFont(doc, 'italic').fontSize(9).fillColor(AXIS).text('No data for this year.', plot.x, plot.y + plot.height / 2 - 5, { width: plot.width, align: 'center', lineBreak: false });
  }
  const slot = plot.width / Math.max(1, spec.categories.length);
  const groupWidth = Math.min(slot * 0.75, 36 * spec.series.length);
  const barWidth = groupWidth / spec.series.length;
  spec.categories.forEach((category, index) => {
    const groupX = plot.x + index * slot + (slot - groupWidth) / 2;
    spec.series.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? 0;
      const x = groupX + seriesIndex * barWidth;
      const y = yOf(value);
      if (value > 0) doc.rect(x + 1, y, barWidth - 2, plot.y + plot.height - y).fill(series.color);
      setFont(doc, 'regular').fontSize(6.5).fillColor(INK).text(spec.format(value), x - 6, y - 9, { width: barWidth + 12, align: 'center', lineBreak: false });
    });
    unicodeText(setFont(doc, 'regular').fontSize(7).fillColor(INK), category, plot.x + index * slot + 1, plot.y + plot.height + 4, {
      width: slot - 2,
      height: 18,
      align: 'center',
      ellipsis: true,
    });
  });

  setFont(doc, 'italic').fontSize(8).fillColor(AXIS);
  doc.text(spec.xLabel, plot.x, plot.y + plot.height + 26, { width: plot.width, align: 'center', lineBreak: false });
  doc.save();
  doc.rotate(-90, { origin: [box.x + 4, plot.y + plot.height / 2] });
  doc.text(spec.yLabel, box.x + 4 - plot.height / 2, plot.y + plot.height / 2 - 4, { width: plot.height, align: 'center', lineBreak: false });
  doc.restore();
}

/** An SVG path for a ring segment between two angles (radians, clockwise from the top). */
function ringSegment(cx: number, cy: number, outer: number, inner: number, start: number, end: number): string {
  const point = (radius: number, angle: number) => `${(cx + radius * Math.sin(angle)).toFixed(2)} ${(cy - radius * Math.cos(angle)).toFixed(2)}`;
  const large = end - start > Math.PI ? 1 : 0;
  return [
    `M ${point(outer, start)}`,
    `A ${outer} ${outer} 0 ${large} 1 ${point(outer, end)}`,
    `L ${point(inner, end)}`,
    `A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)}`,
    'Z',
  ].join(' ');
}

/** A donut chart with a legend giving each slice's value and share. */
export function donutChart(doc: PDFKit.PDFDocument, box: Box, title: string, slices: PieSlice[], centerLabel: string): void {
  const top = chartTitle(doc, box, title) + 6;
  const radius = Math.min((box.height - (top - box.y)) / 2 - 6, box.width / 4);
  const cx = box.x + radius + 20;
  const cy = top + radius + 4;
  const inner = radius * 0.55;
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  if (total === 0) {
    doc.circle(cx, cy, radius).fill(GRID);
  } else {
    let angle = 0;
    for (const slice of slices.filter((entry) => entry.value > 0)) {
      const sweep = (slice.value / total) * 2 * Math.PI;
      // A full ring cannot be one arc (its ends coincide): draw it as two halves.
      const parts = sweep >= 2 * Math.PI - 1e-9 ? [[0, Math.PI], [Math.PI, 2 * Math.PI]] : [[angle, angle + sweep]];
      for (const [from, to] of parts) doc.path(ringSegment(cx, cy, radius, inner, from, to)).fill(slice.color);
      angle += sweep;
    }
  }
  doc.circle(cx, cy, inner).fill('#ffffff');
  setFont(doc, 'bold').fontSize(14).fillColor(INK).text(String(total), cx - inner, cy - 12, { width: inner * 2, align: 'center', lineBreak: false });
  setFont(doc, 'regular').fontSize(7).fillColor(AXIS).text(centerLabel, cx - inner, cy + 4, { width: inner * 2, align: 'center', lineBreak: false });

  const legendX = cx + radius + 30;
  const legendWidth = box.x + box.width - legendX;
  let y = top + 10;
  setFont(doc, 'bold').fontSize(8).fillColor(INK).text('Legend', legendX, y, { lineBreak: false });
  y += 14;
  for (const slice of slices) {
    const share = total > 0 ? ` (${((slice.value / total) * 100).toFixed(1)}%)` : '';
    doc.rect(legendX, y + 1, 8, 8).fill(slice.color);
    unicodeText(setFont(doc, 'regular').fontSize(8).fillColor(INK), `${slice.label}: ${slice.value}${share}`, legendX + 12, y, { width: legendWidth - 12, lineBreak: false, ellipsis: true });
    y += 14;
  }
}
