import { selectList, type FieldMap } from '@trta/database';
import type { ActivityFieldName, ActivityRecord } from './activities.dto';

/**
 * The one spelling of the activities table's columns, for `SELECT ... FROM activities a` and
 * `... RETURNING`. Dates as text (a JS Date would shift them by the time zone); money as
 * numeric's exact text; char(3) codes as text.
 */
export const ACTIVITY_FIELDS: FieldMap<ActivityRecord> = {
  id: 'id',
  code: 'code',
  planId: 'plan_id',
  productId: 'product_id',
  title: 'title',
  type: 'type',
  deliveryMode: 'delivery_mode',
  plsLevel: 'pls_level',
  languages: 'languages',
  topics: 'topics',
  leadDivision: 'lead_division',
  beneficiaryCountries: 'beneficiary_countries::text[]',
  region: 'region',
  plannedQuarter: 'planned_quarter',
  startDate: 'start_date::text',
  endDate: 'end_date::text',
  venueCity: 'venue_city',
  venueCountry: 'venue_country::text',
  capacity: 'capacity',
  applicationDeadline: 'application_deadline::text',
  requiresNomination: 'requires_nomination',
  nominationQuota: 'nomination_quota',
  prerequisiteLevel: 'prerequisite_level',
  keyResults: 'key_results::text[]',
  budgetPlanned: 'budget_planned::text',
  budgetActual: 'budget_actual::text',
  fundingSource: 'funding_source',
  partners: 'partners',
  status: 'status',
  statusReason: 'status_reason',
  sheetPublishedAt: 'sheet_published_at',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  createdBy: 'created_by',
};

/** The whole activity as the API shows it, over `activities a`. */
export const ACTIVITY_COLUMNS = selectList(ACTIVITY_FIELDS, 'a');

/** The table column behind a field, without the cast its SELECT adds. */
export function activityColumn(field: keyof ActivityRecord): string {
  return ACTIVITY_FIELDS[field].replace(/::.*$/, '');
}

/**
 * What staff never edit directly: identity, plan, lifecycle and bookkeeping. Typed so that it
 * names exactly the fields outside the DTO's ActivityFields: every other field is editable.
 */
const NOT_EDITABLE: Readonly<Record<Exclude<keyof ActivityRecord, ActivityFieldName>, true>> = {
  id: true,
  code: true,
  planId: true,
  status: true,
  statusReason: true,
  sheetPublishedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: true,
};

/** The fields staff edit, in the table map's order. */
export const EDITABLE_FIELDS = (Object.keys(ACTIVITY_FIELDS) as (keyof ActivityRecord)[]).filter(
  (field): field is ActivityFieldName => !(field in NOT_EDITABLE),
);

/** The column behind each field staff edit. */
export const FIELD_COLUMNS = Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, activityColumn(field)])) as Readonly<
  Record<ActivityFieldName, string>
>;
