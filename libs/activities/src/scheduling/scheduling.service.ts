import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { selectList } from '@trta/database';
import { IN_PERSON_MODES } from '../activities/activity.entity';
import { ACTIVITY_FIELDS } from '../activities/activity-fields';
import type { ActivityRecord } from '../activities/activities.dto';
import type { SchedulingConflict } from './scheduling.dto';
import { SCHEDULED_STATUSES } from '../activity.policy';

/** The other activity's fields a conflict is told by. */
const CONFLICT_FIELDS = ['id', 'code', 'title', 'startDate', 'endDate', 'venueCity', 'venueCountry'] as const;

/** Only dated activities overlap; the venue is named only when it is the same (so given). */
type ConflictRow = Pick<ActivityRecord, (typeof CONFLICT_FIELDS)[number]> & {
  startDate: string;
  endDate: string;
  venueCity: string;
  venueCountry: string;
  sameVenue: boolean;
  sharedCountries: string[];
};

@Injectable()
export class SchedulingService {
  /**
   * In-person activities (face to face or hybrid) already scheduled on overlapping dates in the
   * same venue (when this one is in person too), or for one of the same beneficiary countries.
   */
  async findConflicts(manager: EntityManager, activity: ActivityRecord): Promise<SchedulingConflict[]> {
    if (!activity.startDate || !activity.endDate) return [];
    const inPerson = IN_PERSON_MODES.includes(activity.deliveryMode);
    const rows = (await manager.query(
      `SELECT ${selectList(ACTIVITY_FIELDS, 'o', CONFLICT_FIELDS)},
              coalesce($5::boolean AND o.venue_country = $6::char(3) AND lower(o.venue_city) = lower($7::text), false) AS "sameVenue",
              ARRAY(SELECT unnest(o.beneficiary_countries)::text INTERSECT SELECT unnest($4::text[]) ORDER BY 1) AS "sharedCountries"
       FROM activities o
       WHERE o.id <> $1
         AND o.status = ANY($8::text[])
         AND o.delivery_mode = ANY($9::text[])
         AND daterange(o.start_date, o.end_date, '[]') && daterange($2::date, $3::date, '[]')
         AND (
           ($5::boolean AND o.venue_country = $6::char(3) AND lower(o.venue_city) = lower($7::text))
           OR o.beneficiary_countries && $4::char(3)[]
         )
       ORDER BY o.start_date, o.code`,
      [
        activity.id,
        activity.startDate,
        activity.endDate,
        activity.beneficiaryCountries,
        inPerson,
        activity.venueCountry,
        activity.venueCity,
        SCHEDULED_STATUSES,
        IN_PERSON_MODES,
      ],
    )) as ConflictRow[];
    return rows.map(({ venueCity, venueCountry, sameVenue, sharedCountries, ...conflict }) => ({
      ...conflict,
      reason: [
        ...(sameVenue ? [`same venue: ${venueCity}, ${venueCountry}`] : []),
        ...(sharedCountries.length > 0 ? [`same beneficiary country: ${sharedCountries.join(', ')}`] : []),
      ].join('; '),
    }));
  }
}
