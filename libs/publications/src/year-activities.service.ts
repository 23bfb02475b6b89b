import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { ACTIVITY_FIELDS } from '@trta/activities';
import { selectList } from '@trta/database';
import { PUBLISHED_ACTIVITY_FIELDS, type PublishedActivity } from './publications.dto';
import { PrintLayout, shortDate } from './print-layout';


const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'French', es: 'Spanish' };
const REMOTE: Record<string, string> = { online: 'Online', e_learning: 'E-learning' };

export const YEAR_CSV_COLUMNS = [
  'productCode',
  'productName',
  'region',
  'activityCode',
  'title',
  'type',
  'startDate',
  'endDate',
  'plannedQuarter',
  'venue',
  'languages',
  'status',
] as const;

/** Free text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV injection advice). */
const neutralized = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export function venueOf(activity: PublishedActivity): string {
  const remote = REMOTE[activity.deliveryMode];
  if (remote) return remote;
  const place = [activity.venueCity, activity.venueCountryName ?? activity.venueCountry].filter(Boolean).join(', ') || 'To be announced';
  return activity.deliveryMode === 'hybrid' ? `${place} (and online)` : place;
}

export function datesOf(activity: PublishedActivity): string {
  if (activity.startDate && activity.endDate && activity.startDate !== activity.endDate) {
    return `${shortDate(activity.startDate)} - ${shortDate(activity.endDate)}`;
  }
  if (activity.startDate) return shortDate(activity.startDate);
  return activity.plannedQuarter ? `${activity.plannedQuarter} (planned)` : 'To be announced';
}

/**
 * GET /api/publications/activities: the year's activities (start date in the year, or no date
 * yet and a planned quarter in it), grouped by product then region, as a print PDF or a CSV.
 */
@Injectable()
export class YearActivitiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activities(year: number): Promise<PublishedActivity[]> {
    return (await this.dataSource.query(
      `SELECT p.id AS "productId", p.code AS "productCode", p.name AS "productName", pl.code AS "planCode",
              ${selectList(ACTIVITY_FIELDS, 'a', PUBLISHED_ACTIVITY_FIELDS)},
              coalesce(rg.name, 'Global and interregional') AS "regionName", vc.name AS "venueCountryName"
       FROM activities a
       JOIN products p ON p.id = a.product_id
       JOIN ta_plans pl ON pl.id = a.plan_id
       LEFT JOIN regions rg ON rg.code = a.region
       LEFT JOIN countries vc ON vc.code = a.venue_country
       WHERE a.start_date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)
          OR (a.start_date IS NULL AND a.planned_quarter LIKE $1::text || '-Q_')
       ORDER BY pl.period_start, p.code, p.id, (a.region IS NULL), rg.name, a.region,
                coalesce(a.start_date, make_date($1, 1, 1)), a.planned_quarter NULLS LAST, a.code`,
      [year],
    )) as PublishedActivity[];
  }

  /** UTF-8 with a byte order mark, so spreadsheets read the accents right. */
  async csv(year: number): Promise<string> {
    const rows = (await this.activities(year)).map((activity) => ({
      productCode: activity.productCode,
      productName: neutralized(activity.productName),
      region: activity.regionName,
      activityCode: activity.code,
      title: neutralized(activity.title),
      type: activity.type,
      startDate: activity.startDate,
      endDate: activity.endDate,
      plannedQuarter: activity.plannedQuarter,
      venue: neutralized(venueOf(activity)),
      languages: activity.languages.join(' '),
      status: activity.status,
    }));
    return stringify(rows, { header: true, bom: true, columns: [...YEAR_CSV_COLUMNS] });
  }

  async pdf(year: number): Promise<Buffer> {
    const activities = await this.activities(year);
    const layout = new PrintLayout(`Technical assistance activities ${year}`);
    layout.doc.font('Helvetica-Bold').fontSize(20);
    layout.text(`Technical assistance activities ${year}`);
    layout.muted(`WTO trade-related technical assistance: ${activities.length} activities planned or held in ${year}, by product and region.`);
    if (activities.length === 0) layout.paragraph(`No activities are planned for ${year}.`);

    const columns = [
      { header: 'Code', width: 1.4 },
      { header: 'Title', width: 2.5 },
      { header: 'Dates', width: 1.8 },
      { header: 'Venue', width: 1.6 },
      { header: 'Languages', width: 1.1 },
      { header: 'Status', width: 1.2 },
    ];
    let product: string | null = null;
    let region: string | null | undefined;
    let rows: string[][] = [];
    const flush = () => {
      if (rows.length > 0) layout.table(columns, rows);
      rows = [];
    };
    for (const activity of activities) {
      if (activity.productId !== product) {
        flush();
        product = activity.productId;
        region = undefined;
        layout.heading(`${activity.productCode} ${activity.productName} (TA Plan ${activity.planCode})`, 14, 1);
      }
      if (activity.region !== region) {
        flush();
        region = activity.region;
        layout.heading(activity.regionName, 11, 0.3);
      }
      rows.push([
        activity.code,
        activity.title,
        datesOf(activity),
        venueOf(activity),
        activity.languages.map((language) => LANGUAGE_NAMES[language] ?? language).join(', '),
        activity.status,
      ]);
    }
    flush();
    return layout.finish(`Technical assistance activities ${year}`);
  }
}
