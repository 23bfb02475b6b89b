/**
 * Response bodies of the staff pages, mirroring the services' views (named beside each) until
 * the controllers declare their response types. Request bodies come from schema.d.ts.
 */
import type { ActivityType, DeliveryMode, Language } from '../../api/types';

export const ACTIVITY_STATUSES = ['planned', 'confirmed', 'open', 'closed', 'delivered', 'cancelled', 'postponed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
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

export const APPLICATION_STATUSES = ['submitted', 'endorsed', 'declined', 'selected', 'waitlisted', 'rejected', 'withdrawn', 'attended', 'completed', 'no_show'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const REQUEST_STATUSES = ['submitted', 'under_review', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUIRED_DOCUMENTS = ['cv', 'passport', 'nomination_letter', 'motivation_letter', 'other'] as const;
export type RequiredDocument = (typeof REQUIRED_DOCUMENTS)[number];
export const OBJECTIVES_MET = ['fully', 'partly', 'not'] as const;
export type ObjectivesMet = (typeof OBJECTIVES_MET)[number];

/** libs/plans plans.dto.ts PlanView */
export interface Plan {
  id: string;
  code: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  notes: string | null;
  ceilingPerCountry: number | null;
}

/** libs/plans products.dto.ts ProductView */
export interface Product {
  id: string;
  planId: string;
  code: string;
  name: string;
  category: string;
  description: string | null;
  plannedBudget: string;
  fundingSource: string;
}

/** libs/plans key-results.dto.ts KeyResultView (indicators kept loose) */
export interface KeyResult {
  id: string;
  code: string;
  title: string;
  indicators: { id: string; description: string; unit: string; baseline: string | null; target: string }[];
}

/** libs/plans plans.dto.ts PlanDetailView */
export interface PlanDetail extends Plan {
  products: Product[];
  keyResults: KeyResult[];
}

export type StatusCounts = Record<ActivityStatus, number>;

/** libs/matrix products-matrix.service.ts ProductsMatrix */
export interface ProductsMatrix {
  plan: { id: string; code: string; title: string; status: string; periodStart: string; periodEnd: string };
  products: {
    productId: string;
    code: string;
    name: string;
    category: string;
    plannedBudget: string;
    activityCount: number;
    byStatus: StatusCounts;
    budgetPlannedTotal: string;
    budgetActualTotal: string;
    activities: { id: string; code: string; title: string; status: ActivityStatus; startDate: string | null; endDate: string | null; budgetPlanned: string }[];
  }[];
  totals: { productCount: number; plannedBudget: string; activityCount: number; byStatus: StatusCounts; budgetPlannedTotal: string; budgetActualTotal: string };
}

/** libs/matrix activity-search.dto.ts ActivityListItem */
export interface ActivityListItem {
  id: string;
  code: string;
  title: string;
  status: ActivityStatus;
  type: ActivityType;
  deliveryMode: DeliveryMode;
  languages: Language[];
  startDate: string | null;
  endDate: string | null;
  venueCity: string | null;
  venueCountry: string | null;
  capacity: number;
  planId: string;
  productId: string;
  budgetPlanned: string;
}

/** libs/activities activities.dto.ts ActivityView */
export interface Activity extends ActivityListItem {
  plsLevel: number | null;
  topics: string[];
  leadDivision: string;
  beneficiaryCountries: string[];
  region: string | null;
  plannedQuarter: string | null;
  applicationDeadline: string | null;
  requiresNomination: boolean;
  nominationQuota: number;
  budgetActual: string | null;
  statusReason: string | null;
  sheetPublishedAt: string | null;
  version: number;
}

/** libs/activities scheduling.service.ts SchedulingConflict */
export interface SchedulingConflict {
  id: string;
  code: string;
  title: string;
  startDate: string;
  endDate: string;
  reason: string;
}

export type LocalizedText = Partial<Record<Language, string>>;

/** libs/sheets sheets.dto.ts SheetView */
export interface Sheet {
  activityId: string;
  objectives: LocalizedText;
  targetAudience: LocalizedText;
  applicationRequirements: LocalizedText;
  programme: LocalizedText;
  requiredDocuments: RequiredDocument[];
  publishedAt: string | null;
}

/** libs/applications applications.dto.ts ApplicationView */
export interface Application {
  id: string;
  activityId: string;
  country: string;
  status: ApplicationStatus;
  submittedAt: string;
  waitlistPosition: number | null;
  attendedDays: number | null;
  completedAt: string | null;
  certificateCode: string | null;
  version: number;
  applicant: { fullName: string | null; email: string; institution: string | null; position: string | null };
}

export interface Seats {
  capacity: number;
  taken: number;
  left: number;
}

/** libs/applications applications.service.ts listForActivity */
export interface ActivityApplications {
  activity: { id: string; code: string; title: string };
  seats: Seats;
  waitlist: string[];
  items: Application[];
  nextCursor: string | null;
}

/** libs/activities back-to-office-report.dto.ts BackToOfficeReportView */
export interface BackToOfficeReport {
  activityId: string;
  sessionsHeld: number;
  participantsFemale: number;
  participantsMale: number;
  participantsOther: number;
  objectivesMet: ObjectivesMet;
  evidence: string | null;
  conclusion: string | null;
  lessons: string | null;
  version: number;
  updatedAt: string;
}

/** libs/requests requests.dto.ts RequestView */
export interface NationalRequest {
  id: string;
  country: string;
  countryName: string;
  topics: string[];
  preferredQuarter: string;
  language: Language;
  needsAssessment?: string;
  expectedOutcomes?: string;
  targetAudience?: string;
  expectedParticipants: number;
  status: RequestStatus;
  decisionReason: string | null;
  ceilingOverrideReason: string | null;
  decidedAt: string | null;
  activityId: string | null;
  activityCode: string | null;
  version: number;
  createdAt: string;
}

/** libs/requests requests.dto.ts ReviewContext */
export interface ReviewContext {
  request: NationalRequest;
  country: { code: string; name: string; region: string; ldc: boolean };
  earlierRequests: { id: string; status: RequestStatus; preferredQuarter: string; topics: string[]; decisionReason: string | null; activityCode: string | null; createdAt: string }[];
  deliveredActivities: { id: string; code: string; title: string; type: string; startDate: string | null; endDate: string | null }[];
  plan: { id: string; code: string; title: string; periodStart: string; periodEnd: string; ceilingPerCountry: number | null } | null;
  nationalActivitiesInPlan: number;
  ceilingReached: boolean;
}
