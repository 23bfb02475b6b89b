/**
 * Names for the API's bodies the activity pages work with. Each is a schema of the OpenAPI document
 * (schema.d.ts), so the pages cannot drift from what the API declares; the queries themselves are
 * typed by the client from each route's response; the enums' values are listed in src/api/enums.ts.
 */
import type { Schemas } from '../../api/types';

export type ActivityStatus = Schemas['ActivityStatus'];
export type RequiredDocument = Schemas['RequiredDocument'];
export type ObjectivesMet = Schemas['ObjectivesMet'];

export type ActivityListItem = Schemas['ActivityListItemView'];
export type Activity = Schemas['ActivityView'];
export type Sheet = Schemas['SheetView'];
/** A text of the activity sheet in each of its languages. */
export type LocalizedText = Schemas['LocalizedTextView'];
export type BackToOfficeReport = Schemas['BackToOfficeReportView'];

export type SchedulingConflict = Schemas['SchedulingConflict'];

export const LIFECYCLE_ACTIONS = ['confirm', 'open', 'close', 'deliver', 'postpone', 'cancel'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];
/** libs/activities transitions.ts: where each action may start from (the API decides; this only orders the buttons). */
export const TRANSITION_FROM: Record<LifecycleAction, readonly ActivityStatus[]> = {
  confirm: ['planned', 'postponed'],
  open: ['confirmed'],
  close: ['open'],
  deliver: ['confirmed', 'closed'],
  cancel: ['planned', 'confirmed', 'open', 'closed', 'postponed'],
  postpone: ['planned', 'confirmed', 'open', 'closed'],
};
