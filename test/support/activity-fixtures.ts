import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

/**
 * TA plans, products and activities for the end-to-end tests: one place for the set-up every
 * feature's tests need before they can test their own part.
 *
 * - Straight to the database, in whatever state a test needs (plans and the activity lifecycle have
 *   their own tests): `insertPlan`, `insertProduct`, `insertActivity` (codes from `activityCode`).
 * - `currentPlanWithProduct`: the adopted plan around today with its product P1, where most tests work.
 * - `activityFactory`: activities open for applications, with a published sheet.
 * - Through the API, as staff do: `activityBody`, `postActivity`, and `activityWithSheet` (with
 *   `sheetTexts`) for activities with a sheet, published or not, in any status.
 */
export type Body = Record<string, unknown>;

const DAY_MS = 24 * 3600 * 1000;

/** A date `offset` days from today (UTC), as the API and the database take dates. */
export function day(offset: number): string {
  return new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
}

function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Plans and products

export interface PlanValues {
  /** The plan runs from 1 January of `firstYear` to 31 December of `lastYear`; its code is `firstYear-lastYear`. */
  firstYear: number;
  lastYear: number;
  /** 'TA Plan' unless given. */
  title?: string;
  /** 'adopted' unless given. */
  status?: 'draft' | 'adopted' | 'closed';
  notes?: string;
  ceilingPerCountry?: number;
  /** An end other than 31 December of `lastYear`. */
  periodEnd?: string;
}

/** A TA plan written to the database, adopted unless `status` says otherwise; its id. */
export async function insertPlan(t: TestApp, plan: PlanValues): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO ta_plans (code, title, period_start, period_end, status, notes, ceiling_per_country)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      `${plan.firstYear}-${plan.lastYear}`,
      plan.title ?? 'TA Plan',
      `${plan.firstYear}-01-01`,
      plan.periodEnd ?? `${plan.lastYear}-12-31`,
      plan.status ?? 'adopted',
      plan.notes ?? null,
      plan.ceilingPerCountry ?? null,
    ],
  );
  return id;
}

export interface ProductValues {
  code?: string;
  name?: string;
  category?: string;
  description?: string;
  plannedBudget?: string;
  fundingSource?: string;
}

/** A product of plan `planId` written to the database, by default P1 "General TA" (general, CHF 500,000.00 of the regular budget); its id. */
export async function insertProduct(t: TestApp, planId: string, product: ProductValues = {}): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO products (plan_id, code, name, category, description, planned_budget, funding_source)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      planId,
      product.code ?? 'P1',
      product.name ?? 'General TA',
      product.category ?? 'general',
      product.description ?? null,
      product.plannedBudget ?? '500000.00',
      product.fundingSource ?? 'regular_budget',
    ],
  );
  return id;
}

/** A plan and one of its products, named as POST /api/activities takes them (so `{ ...plan }` fills a request body). */
export interface PlanAndProduct {
  planId: string;
  productId: string;
}

/**
 * The plan most tests work in: "TA Plan", adopted, from 1 January of last year to 31 December of
 * next year (code `<last year>-<next year>`, so any date of the months around today fits), with its
 * product P1 "General TA" (courses, CHF 500,000.00 of the regular budget).
 */
export async function currentPlanWithProduct(t: TestApp): Promise<PlanAndProduct> {
  const year = new Date().getUTCFullYear();
  const planId = await insertPlan(t, { firstYear: year - 1, lastYear: year + 1 });
  const productId = await insertProduct(t, planId, { description: 'courses' });
  return { planId, productId };
}

// ---------------------------------------------------------------------------------------------
// Activities written to the database

/** An activity code as the API makes them: `TA-<year>-<number, four digits at least>`. */
export function activityCode(year: number, number: number): string {
  return `TA-${year}-${String(number).padStart(4, '0')}`;
}

/** The columns of an activity row, camel-cased; a column left out (or undefined) takes `insertActivity`'s default, else the table's. */
export interface ActivityRow {
  code?: string;
  title?: string;
  type?: 'national' | 'regional' | 'global';
  deliveryMode?: 'face_to_face' | 'online' | 'hybrid' | 'e_learning';
  plsLevel?: number | null;
  languages?: string[];
  topics?: string[];
  leadDivision?: string;
  beneficiaryCountries?: string[];
  region?: string | null;
  plannedQuarter?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  venueCity?: string | null;
  venueCountry?: string | null;
  capacity?: number;
  applicationDeadline?: string | null;
  requiresNomination?: boolean;
  nominationQuota?: number;
  prerequisiteLevel?: number | null;
  budgetPlanned?: string;
  budgetActual?: string | null;
  fundingSource?: string;
  partners?: string[];
  status?: string;
  statusReason?: string | null;
  sheetPublishedAt?: Date | null;
  createdAt?: string;
}

const ROW_DEFAULTS: ActivityRow = {
  title: 'Course on trade facilitation',
  type: 'global',
  deliveryMode: 'face_to_face',
  languages: ['en'],
  leadDivision: 'ITTC',
  capacity: 25,
  budgetPlanned: '1000.00',
  fundingSource: 'regular_budget',
};

/** Codes of activities a test does not name: of 2099, a year the API never gives codes of. */
let unnamedActivities = 0;

/**
 * An activity of `plan` written straight to the table, in whatever state the test needs. By
 * default: a global, face-to-face "Course on trade facilitation" in English, 25 seats, CHF 1,000.00
 * of the regular budget, undated, planned, coded TA-2099-nnnn; `values` sets any other column.
 */
export async function insertActivity(t: TestApp, plan: PlanAndProduct, values: ActivityRow = {}): Promise<{ id: string; code: string }> {
  const row: Record<string, unknown> = { ...ROW_DEFAULTS, planId: plan.planId, productId: plan.productId };
  for (const [column, value] of Object.entries(values)) if (value !== undefined) row[column] = value;
  row.code ??= activityCode(2099, ++unnamedActivities);
  const given = Object.entries(row);
  const columns = given.map(([name]) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
  const [created] = await t.dataSource.query(
    `INSERT INTO activities (${columns.join(', ')}) VALUES (${columns.map((_column, index) => `$${index + 1}`).join(', ')}) RETURNING id, code`,
    given.map(([, value]) => value),
  );
  return created;
}

export interface OpenActivityOptions {
  type?: 'national' | 'regional' | 'global';
  beneficiaries?: string[];
  capacity?: number;
  requiresNomination?: boolean;
  quota?: number;
  prerequisiteLevel?: number | null;
  plsLevel?: number | null;
  status?: string;
  deadline?: string | null;
  start?: string;
  requiredDocuments?: string[];
}

/**
 * Activities open for applications, written to the database in the plan of
 * `currentPlanWithProduct` (made on the first call): an online "Course on trade facilitation" in
 * English and French with 25 seats, from day 60 for five days, applications until day 30, and a
 * published sheet asking for a CV. National ones are for Kenya, regional ones for Kenya and Senegal.
 */
export function activityFactory(getApp: () => TestApp) {
  let plan: PlanAndProduct | undefined;
  return async function createActivity(options: OpenActivityOptions = {}): Promise<{ id: string; code: string }> {
    const t = getApp();
    plan ??= await currentPlanWithProduct(t);
    const type = options.type ?? 'global';
    const start = options.start ?? day(60);
    const activity = await insertActivity(t, plan, {
      type,
      deliveryMode: 'online',
      plsLevel: options.plsLevel ?? null,
      languages: ['en', 'fr'],
      beneficiaryCountries: options.beneficiaries ?? (type === 'national' ? ['KEN'] : type === 'regional' ? ['KEN', 'SEN'] : []),
      region: type === 'regional' ? 'africa' : null,
      startDate: start,
      endDate: daysAfter(start, 4),
      capacity: options.capacity ?? 25,
      applicationDeadline: options.deadline === undefined ? day(30) : options.deadline,
      requiresNomination: options.requiresNomination ?? false,
      nominationQuota: options.quota ?? 2,
      prerequisiteLevel: options.prerequisiteLevel ?? null,
      status: options.status ?? 'open',
      sheetPublishedAt: new Date(),
    });
    await t.dataSource.query('INSERT INTO activity_sheets (activity_id, objectives, required_documents) VALUES ($1, $2, $3)', [
      activity.id,
      { en: 'Objectives' },
      options.requiredDocuments ?? ['cv'],
    ]);
    return activity;
  };
}

// ---------------------------------------------------------------------------------------------
// Activities created through the API

/** A venue city no other activity has, so that confirming the activity never meets a scheduling conflict. */
export function uniqueVenueCity(): string {
  return `City ${randomBytes(4).toString('hex')}`;
}

/**
 * A valid POST /api/activities body in `plan`: a global, face-to-face "Course on trade policy" in
 * Geneva, in English, on trade facilitation, 25 seats, CHF 45,000.50 of the regular budget, from day
 * 90 to day 94, applications until day 30; `overrides` replaces fields (null clears one).
 */
export function activityBody(plan: PlanAndProduct, overrides: Body = {}): Body {
  return {
    ...plan,
    title: 'Course on trade policy',
    type: 'global',
    deliveryMode: 'face_to_face',
    languages: ['en'],
    topics: ['trade_facilitation'],
    leadDivision: 'ITTC',
    capacity: 25,
    budgetPlanned: '45000.50',
    venueCity: 'Geneva',
    venueCountry: 'CHE',
    startDate: day(90),
    endDate: day(94),
    applicationDeadline: day(30),
    ...overrides,
  };
}

/** An activity as POST /api/activities answers it. */
export type CreatedActivity = Body & { id: string; code: string; title: string; version: number };

/** Creates an activity through the API as staff (`staffToken`), failing with the API's answer unless it is created. */
export async function postActivity(t: TestApp, staffToken: string, body: Body): Promise<CreatedActivity> {
  const response = await t.http.post('/api/activities').auth(staffToken, { type: 'bearer' }).send(body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Sheet texts in `language` only, each naming `words`: "Objectives <words>", "Audience <words>"… */
export function sheetTexts(language: string, words: string): Body {
  return {
    objectives: { [language]: `Objectives ${words}` },
    targetAudience: { [language]: `Audience ${words}` },
    applicationRequirements: { [language]: `Requirements ${words}` },
    programme: { [language]: `Programme ${words}` },
  };
}

export interface ActivityWithSheetOptions {
  /** Fields of the activity other than `activityBody`'s. */
  overrides?: Body;
  /** The sheet's texts, as PUT /api/activities/:id/sheet takes them. */
  sheet: Body;
  /** ['cv'] unless given. */
  requiredDocuments?: string[];
  /** 'open' unless given. */
  status?: string;
  /** Whether the sheet is published: true unless given. */
  published?: boolean;
}

/**
 * An activity created through the API (`activityBody` with `overrides`) with its sheet,
 * then put in `status` and published or not through SQL, as the lifecycle is tested elsewhere. With
 * the defaults, open with a published sheet: an activity the public catalogue lists.
 */
export async function activityWithSheet(t: TestApp, staffToken: string, plan: PlanAndProduct, options: ActivityWithSheetOptions): Promise<CreatedActivity> {
  const activity = await postActivity(t, staffToken, activityBody(plan, options.overrides));
  await t.http
    .put(`/api/activities/${activity.id}/sheet`)
    .auth(staffToken, { type: 'bearer' })
    .send({ ...options.sheet, requiredDocuments: options.requiredDocuments ?? ['cv'] })
    .expect(200);
  await t.dataSource.query(`UPDATE activities SET status = $2, sheet_published_at = CASE WHEN $3::boolean THEN now() END WHERE id = $1`, [
    activity.id,
    options.status ?? 'open',
    options.published ?? true,
  ]);
  return activity;
}
