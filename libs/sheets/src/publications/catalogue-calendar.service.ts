import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DataSource } from 'typeorm';
import { ACTIVITY_FIELDS, type ActivityLanguage, type ActivityRecord } from '@trta/activities';
import { selectList } from '@trta/database';
import { DomainException } from '@trta/http';
import { SheetRefusals } from '../sheets.refusals';
import { CatalogueCalendarQueryDto } from './publications.dto';
import { SHEET_LABELS } from './sheet-labels';

export const CALENDAR_NAME = 'TRTA Planner — open activities';

/** The activity's fields an event is made of. */
const EVENT_FIELDS = ['id', 'code', 'title', 'startDate', 'endDate', 'deliveryMode', 'venueCity', 'applicationDeadline'] as const;

/** Only dated activities are selected; the venue's country comes as its name. */
type CalendarRow = Pick<ActivityRecord, (typeof EVENT_FIELDS)[number]> & {
  startDate: string;
  endDate: string;
  venueCountry: string | null;
  servedLanguage: ActivityLanguage;
  objectives: string | null;
  lastModified: Date;
};

const DAY_MS = 24 * 3600 * 1000;
const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** The catalogue as an iCalendar feed (RFC 5545) that calendar programs subscribe to. */
@Injectable()
export class CatalogueCalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `origin` (scheme and host) makes each event's URL absolute; the description carries the path. */
  async feed(query: CatalogueCalendarQueryDto, origin: string): Promise<string> {
    return this.calendar(await this.rows(query), origin, CALENDAR_NAME);
  }

  /**
   * One activity of the catalogue as a calendar file to add to one's own calendar ("Add to my
   * calendar"); 404 when it is not in the catalogue or has no dates yet.
   */
  async event(id: string, lang: ActivityLanguage | undefined, origin: string): Promise<{ code: string; content: string }> {
    const [row] = await this.rows({ lang }, id);
    if (!row) throw new DomainException(SheetRefusals.NOT_IN_CATALOGUE, `Activity ${id} is not in the catalogue with dates`, { activityId: id });
    return { code: row.code, content: this.calendar([row], origin, `${row.code} ${row.title}`) };
  }

  private calendar(rows: CalendarRow[], origin: string, name: string): string {
    const calendar = ical({
      name,
      prodId: { company: 'TRTA Planner', product: 'catalogue', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 3600,
    });
    for (const row of rows) {
      const labels = SHEET_LABELS[row.servedLanguage];
      const path = `/api/catalogue/${row.id}`;
      const description = [
        row.objectives,
        row.applicationDeadline ? `${labels.applicationDeadline}: ${row.applicationDeadline}` : null,
        path,
      ].filter(Boolean);
      const remote = labels.remote[row.deliveryMode];
      calendar.createEvent({
        id: `${row.id}@trta-planner`,
        allDay: true,
        start: utcDate(row.startDate),
        // DTEND of an all-day event is exclusive: the day after the last one.
        end: new Date(utcDate(row.endDate).getTime() + DAY_MS),
        summary: `${row.code} ${row.title}`,
        location: remote ?? ([row.venueCity, row.venueCountry].filter(Boolean).join(', ') || null),
        description: description.join('\n\n'),
        url: `${origin}${path}`,
        lastModified: row.lastModified,
      });
    }
    return calendar.toString();
  }


  /**
   * The catalogue's activities (published sheet, open for applications, as CatalogueService
   * shows them) that have dates; descriptions in the asked language when the sheet has its
   * objectives in it, else the activity's first language.
   */
  private async rows(query: CatalogueCalendarQueryDto, id?: string): Promise<CalendarRow[]> {
    const params: unknown[] = [query.lang ?? null];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`a.status = 'open'`, `a.sheet_published_at IS NOT NULL`, `a.start_date IS NOT NULL`, `a.end_date IS NOT NULL`];
    if (id) where.push(`a.id = ${param(id)}`);
    if (query.region) where.push(`a.region = ${param(query.region)}`);
    if (query.topic) where.push(`${param(query.topic)} = ANY(a.topics)`);
    // One activity is given in the asked language when it has it, else in its own.
    if (query.lang && !id) where.push(`$1::text = ANY(a.languages)`);
    return (await this.dataSource.query(
      `SELECT ${selectList(ACTIVITY_FIELDS, 'a', EVENT_FIELDS)},
         coalesce(c.names ->> served.language, c.name) AS "venueCountry", served.language AS "servedLanguage",
         s.objectives ->> served.language AS objectives,
         greatest(a.updated_at, s.updated_at, a.sheet_published_at) AS "lastModified"
       FROM activities a JOIN activity_sheets s ON s.activity_id = a.id
       CROSS JOIN LATERAL (SELECT CASE WHEN s.objectives ->> $1::text IS NOT NULL THEN $1::text ELSE a.languages[1] END AS language) served
       LEFT JOIN countries c ON c.code = a.venue_country
       WHERE ${where.join(' AND ')}
       ORDER BY a.start_date, a.code, a.id`,
      params,
    )) as CalendarRow[];
  }
}
