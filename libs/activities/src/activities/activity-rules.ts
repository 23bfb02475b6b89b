import { EntityManager } from 'typeorm';
import { DomainException } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import { DATES_FIXED_STATUSES, lockActivityPlan, statusIs, type PlanPeriod } from '../activity.policy';
import { quarterRange } from './quarter';
export type { PlanPeriod } from '../activity.policy';
import { REMOTE_MODES, type ActivityStatus, type ActivityType, type DeliveryMode } from './activity.entity';

/** The fields the rules look at, after a create or the merge of a PATCH into the stored activity. */
export interface ActivityDraft {
  planId: string;
  productId: string;
  type: ActivityType;
  deliveryMode: DeliveryMode;
  topics: string[];
  leadDivision: string;
  beneficiaryCountries: string[];
  region: string | null;
  plannedQuarter: string | null;
  startDate: string | null;
  endDate: string | null;
  venueCity: string | null;
  venueCountry: string | null;
  applicationDeadline: string | null;
  keyResults: string[];
  status: ActivityStatus;
}

/**
 * The plan, locked against a concurrent close until the transaction ends; ACTIVITY_PLAN_UNKNOWN
 * (422) when there is none. A closed plan is not refused here (the caller decides).
 */
export function lockPlan(manager: EntityManager, planId: string): Promise<PlanPeriod> {
  return lockActivityPlan(manager, planId, { open: false });
}

/** The product, which must belong to the activity's plan (422 otherwise). */
export async function productOfPlan(manager: EntityManager, plan: PlanPeriod, productId: string): Promise<{ fundingSource: string }> {
  const [product] = (await manager.query('SELECT plan_id AS "planId", funding_source AS "fundingSource" FROM products WHERE id = $1', [
    productId,
  ])) as { planId: string; fundingSource: string }[];
  if (!product || product.planId !== plan.id) {
    throw new DomainException(ActivityRefusals.PRODUCT_NOT_IN_PLAN, `productId ${productId} is not a product of plan ${plan.code}`, {
      productId,
      planCode: plan.code,
    });
  }
  return product;
}

/**
 * Checks an activity as a whole: unknown reference codes are a 400 naming them; broken business
 * rules a 422 listing every problem. Returns the draft with its region settled (a national
 * activity's region is its country's; a global one has none).
 */
export async function checkActivity(
  manager: EntityManager,
  plan: PlanPeriod,
  draft: ActivityDraft,
  regionGiven: boolean,
): Promise<ActivityDraft> {
  const countryRegions = await assertKnownCodes(manager, draft);
  const problems: string[] = [];
  const settled = { ...draft };

  if (draft.type === 'national') {
    if (draft.beneficiaryCountries.length !== 1) {
      problems.push(`beneficiaryCountries must list exactly one country for a national activity (got ${draft.beneficiaryCountries.length})`);
    } else {
      const region = countryRegions.get(draft.beneficiaryCountries[0]) ?? null;
      if (regionGiven && draft.region !== null && draft.region !== region) {
        problems.push(`region ${draft.region} is not the region of ${draft.beneficiaryCountries[0]} (${region})`);
      }
      settled.region = region;
    }
  } else if (draft.type === 'regional') {
    if (!draft.region) problems.push('region is required for a regional activity');
    if (draft.beneficiaryCountries.length === 0) problems.push('beneficiaryCountries must list one or more countries for a regional activity');
    if (draft.region) {
      const outside = draft.beneficiaryCountries.filter((code) => countryRegions.get(code) !== draft.region);
      if (outside.length > 0) problems.push(`beneficiaryCountries not in region ${draft.region}: ${outside.join(', ')}`);
    }
  } else {
    if (draft.beneficiaryCountries.length > 0) {
      problems.push('beneficiaryCountries must be empty for a global activity (it is open to every country)');
    }
    if (regionGiven && draft.region !== null) problems.push('region must be empty for a global activity');
    settled.region = null;
  }

  problems.push(...dateProblems(plan, draft));
  if (statusIs(draft.status, DATES_FIXED_STATUSES)) problems.push(...scheduleProblems(plan, draft));
  problems.push(...(await keyResultProblems(manager, plan, draft.keyResults)));

  if (problems.length > 0) throw new DomainException(ActivityRefusals.ACTIVITY_RULES_BROKEN, problems.join('; '), { problems });
  return settled;
}

/** What confirming needs: dates inside the plan's period, and a venue unless the activity is remote. */
export function scheduleProblems(plan: PlanPeriod, activity: Pick<ActivityDraft, 'startDate' | 'endDate' | 'deliveryMode' | 'venueCity' | 'venueCountry'>): string[] {
  const problems: string[] = [];
  if (!activity.startDate) problems.push('startDate is required to confirm an activity');
  if (!activity.endDate) problems.push('endDate is required to confirm an activity');
  for (const [field, value] of [['startDate', activity.startDate], ['endDate', activity.endDate]] as const) {
    if (value && (value < plan.periodStart || value > plan.periodEnd)) {
      problems.push(`${field} ${value} is outside the plan period ${plan.periodStart} to ${plan.periodEnd}`);
    }
  }
  if (!REMOTE_MODES.includes(activity.deliveryMode)) {
    if (!activity.venueCity) problems.push(`venueCity is required to confirm a ${activity.deliveryMode} activity`);
    if (!activity.venueCountry) problems.push(`venueCountry is required to confirm a ${activity.deliveryMode} activity`);
  }
  return [...new Set(problems)];
}

function dateProblems(plan: PlanPeriod, draft: ActivityDraft): string[] {
  const problems: string[] = [];
  const inPeriod = (value: string) => value >= plan.periodStart && value <= plan.periodEnd;
  if (draft.startDate && !inPeriod(draft.startDate)) {
    problems.push(`startDate ${draft.startDate} is outside the plan period ${plan.periodStart} to ${plan.periodEnd}`);
  }
  if (draft.endDate && !inPeriod(draft.endDate)) {
    problems.push(`endDate ${draft.endDate} is outside the plan period ${plan.periodStart} to ${plan.periodEnd}`);
  }
  if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) {
    problems.push(`endDate ${draft.endDate} is before startDate ${draft.startDate}`);
  }
  if (draft.applicationDeadline && draft.startDate && draft.applicationDeadline >= draft.startDate) {
    problems.push(`applicationDeadline ${draft.applicationDeadline} must be before startDate ${draft.startDate}`);
  }
  if (draft.plannedQuarter) {
    const { first, last } = quarterRange(draft.plannedQuarter);
    if (last < plan.periodStart || first > plan.periodEnd) {
      problems.push(`plannedQuarter ${draft.plannedQuarter} is outside the plan period ${plan.periodStart} to ${plan.periodEnd}`);
    }
  }
  return problems;
}

async function keyResultProblems(manager: EntityManager, plan: PlanPeriod, keyResults: string[]): Promise<string[]> {
  if (keyResults.length === 0) return [];
  const rows = (await manager.query('SELECT id FROM key_results WHERE plan_id = $1 AND id = ANY($2::uuid[])', [plan.id, keyResults])) as {
    id: string;
  }[];
  const known = new Set(rows.map((row) => row.id));
  const unknown = keyResults.filter((id) => !known.has(id));
  return unknown.length > 0 ? [`keyResults not of plan ${plan.code}: ${unknown.join(', ')}`] : [];
}

/** Refuses (400) codes that are not in the reference data, naming field and codes; returns each country's region. */
async function assertKnownCodes(manager: EntityManager, draft: ActivityDraft): Promise<Map<string, string>> {
  const countryCodes = [...new Set([...draft.beneficiaryCountries, ...(draft.venueCountry ? [draft.venueCountry] : [])])];
  const countries = (await manager.query('SELECT code::text AS code, region FROM countries WHERE code = ANY($1::text[])', [countryCodes])) as {
    code: string;
    region: string;
  }[];
  const topics = (await manager.query('SELECT code FROM topics WHERE code = ANY($1::text[])', [draft.topics])) as { code: string }[];
  const divisions = (await manager.query('SELECT code FROM divisions WHERE code = $1', [draft.leadDivision])) as { code: string }[];
  const regions = (await manager.query('SELECT code FROM regions WHERE code = $1', [draft.region])) as { code: string }[];
  const countryRegions = new Map(countries.map((row) => [row.code, row.region]));
  const knownTopics = new Set(topics.map((row) => row.code));
  const problems: string[] = [];
  const unknownCountries = draft.beneficiaryCountries.filter((code) => !countryRegions.has(code));
  if (unknownCountries.length > 0) problems.push(`beneficiaryCountries has unknown country codes: ${unknownCountries.join(', ')}`);
  if (draft.venueCountry && !countryRegions.has(draft.venueCountry)) problems.push(`venueCountry ${draft.venueCountry} is not a known country code`);
  const unknownTopics = draft.topics.filter((code) => !knownTopics.has(code));
  if (unknownTopics.length > 0) problems.push(`topics has unknown topic codes: ${unknownTopics.join(', ')}`);
  if (divisions.length === 0) problems.push(`leadDivision ${draft.leadDivision} is not a known division code`);
  if (draft.region !== null && regions.length === 0) problems.push(`region ${draft.region} is not a known region code`);
  if (problems.length > 0) throw new DomainException(ActivityRefusals.REFERENCE_CODES_UNKNOWN, problems.join('; '), { problems });
  return countryRegions;
}
