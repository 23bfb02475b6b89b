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

/** What the caller may do to an activity now (its `allowedActions`, decided by the API). */
export type ActivityAction = Schemas['ActivityAction'];
/** The actions of the lifecycle section, one route each (`POST /api/activities/{id}/<action>`). */
export type LifecycleAction = Extract<ActivityAction, 'confirm' | 'open' | 'close' | 'deliver' | 'cancel' | 'postpone'>;
