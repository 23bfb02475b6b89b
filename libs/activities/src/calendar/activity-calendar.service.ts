import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DataSource } from 'typeorm';
import { selectList } from '@trta/database';
import { DomainException } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import type { ActivityRecord } from '../activities/activities.dto';
import { ACTIVITY_FIELDS } from '../activities/activity-fields';
import { REMOTE_MODES } from '../activities/activity.entity';
import { activityNotFound } from '../activities/activities.service';

const EVENT_FIELDS = ['id', 'code', 'title', 'status', 'startDate', 'endDate', 'deliveryMode', 'venueCity', 'applicationDeadline', 'updatedAt'] as const;
type EventRow = Pick<ActivityRecord, (typeof EVENT_FIELDS)[number]> & { venueCountry: string | null };

const DAY_MS = 24 * 3600 * 1000;
const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** One activity as an iCalendar file (RFC 5545): an all-day event over its dates, whatever its status. */
@Injectable()
export class ActivityCalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async event(id: string, origin: string): Promise<{ filename: string; ics: string }> {
    const [row] = (await this.dataSource.query(
      `SELECT ${selectList(ACTIVITY_FIELDS, 'a', EVENT_FIELDS)}, c.name AS "venueCountry"
       FROM activities a LEFT JOIN countries c ON c.code = a.venue_country WHERE a.id = $1`,
      [id],
    )) as EventRow[];
    if (!row) throw activityNotFound(id);
    if (!row.startDate) {
      throw new DomainException(ActivityRefusals.ACTIVITY_NOT_DATED, `activity ${row.code} has no dates yet, so no calendar event`, { activityCode: row.code });
    }
    const calendar = ical({ name: `${row.code} ${row.title}`, prodId: { company: 'TRTA Planner', product: 'activity', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
    const end = row.endDate ?? row.startDate;
    calendar.createEvent({
      id: `${row.id}@trta-planner`,
      allDay: true,
      start: utcDate(row.startDate),
      // DTEND of an all-day event is exclusive: the day after the last one.
      end: new Date(utcDate(end).getTime() + DAY_MS),
      summary: `${row.code} ${row.title}`,
      location: REMOTE_MODES.includes(row.deliveryMode) ? row.deliveryMode.replace('_', '-') : [row.venueCity, row.venueCountry].filter(Boolean).join(', ') || null,
      description: [`Status: ${row.status}`, row.applicationDeadline ? `Application deadline: ${row.applicationDeadline}` : null].filter(Boolean).join('\n'),
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : row.status === 'planned' || row.status === 'postponed' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      url: `${origin}/staff/activities/${row.id}`,
      lastModified: row.updatedAt,
    });
    return { filename: `${row.code}.ics`, ics: calendar.toString() };
  }
}
