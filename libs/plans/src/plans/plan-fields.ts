import type { FieldMap } from '@trta/database';
import type { PlanView } from './plans.dto';

/** A plan as stored: PlanView without what is computed for the caller. */
export type PlanRow = Omit<PlanView, 'allowedActions'>;

/** The one spelling of ta_plans' columns; dates as text (a JS Date would shift them by the time zone). */
export const PLAN_FIELDS: FieldMap<PlanRow> = {
  id: 'id',
  code: 'code',
  title: 'title',
  periodStart: 'period_start::text',
  periodEnd: 'period_end::text',
  status: 'status',
  notes: 'notes',
  ceilingPerCountry: 'ceiling_per_country',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
