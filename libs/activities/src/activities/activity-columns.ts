import type { ActivityFieldName, ActivityRecord } from './activities.dto';

/**
 * The activity as the API shows it, for `SELECT ... FROM activities a` and `UPDATE activities a ... RETURNING`.
 * Dates as text (a JS Date would shift them by the time zone); money as numeric's exact text.
 */
export const ACTIVITY_COLUMNS = `a.id, a.code, a.plan_id AS "planId", a.product_id AS "productId", a.title, a.type,
  a.delivery_mode AS "deliveryMode", a.pls_level AS "plsLevel", a.languages, a.topics, a.lead_division AS "leadDivision",
  a.beneficiary_countries::text[] AS "beneficiaryCountries", a.region, a.planned_quarter AS "plannedQuarter",
  a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.venue_city AS "venueCity",
  a.venue_country::text AS "venueCountry", a.capacity, a.application_deadline::text AS "applicationDeadline",
  a.requires_nomination AS "requiresNomination", a.nomination_quota AS "nominationQuota",
  a.prerequisite_level AS "prerequisiteLevel", a.key_results::text[] AS "keyResults",
  a.budget_planned::text AS "budgetPlanned", a.budget_actual::text AS "budgetActual", a.funding_source AS "fundingSource",
  a.partners, a.status, a.status_reason AS "statusReason", a.sheet_published_at AS "sheetPublishedAt", a.version,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.created_by AS "createdBy"`;

/** The column behind each field staff edit. */
export const FIELD_COLUMNS: Readonly<Record<ActivityFieldName, string>> = {
  productId: 'product_id',
  title: 'title',
  type: 'type',
  deliveryMode: 'delivery_mode',
  plsLevel: 'pls_level',
  languages: 'languages',
  topics: 'topics',
  leadDivision: 'lead_division',
  beneficiaryCountries: 'beneficiary_countries',
  region: 'region',
  plannedQuarter: 'planned_quarter',
  startDate: 'start_date',
  endDate: 'end_date',
  venueCity: 'venue_city',
  venueCountry: 'venue_country',
  capacity: 'capacity',
  applicationDeadline: 'application_deadline',
  requiresNomination: 'requires_nomination',
  nominationQuota: 'nomination_quota',
  prerequisiteLevel: 'prerequisite_level',
  keyResults: 'key_results',
  budgetPlanned: 'budget_planned',
  budgetActual: 'budget_actual',
  fundingSource: 'funding_source',
  partners: 'partners',
};

export const EDITABLE_FIELDS = Object.keys(FIELD_COLUMNS) as ActivityFieldName[];

/** The rows of a `SELECT ${ACTIVITY_COLUMNS}` or an INSERT ... `RETURNING ${ACTIVITY_COLUMNS}`, typed once here. */
export function activityRows(result: unknown): ActivityRecord[] {
  return result as ActivityRecord[];
}
