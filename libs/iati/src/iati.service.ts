import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { create } from 'xmlbuilder2';
import { ACTIVITY_FIELDS, quarterRange, type ActivityRecord } from '@trta/activities';
import { selectList } from '@trta/database';
import { DomainException } from '@trta/http';
import { findPlanState } from '@trta/plans';
import { IatiRefusals } from './iati.refusals';
import {
  activityScopeCode,
  activityStatusCode,
  ActivityDateType,
  BudgetStatus,
  BudgetType,
  CURRENCY,
  DAC_VOCABULARY,
  DescriptionType,
  DEVELOPING_COUNTRIES_UNSPECIFIED,
  evenPercentages,
  ParticipatingOrgRole,
  REPORTING_ORG,
  sectorCodes,
  xmlSafe,
} from './iati-codes';

type XMLBuilder = ReturnType<typeof create>;

interface PlanRow {
  code: string;
  periodStart: string;
  periodEnd: string;
}

/** The activity's own fields the export reads. */
const EXPORTED_FIELDS = [
  'code',
  'title',
  'type',
  'status',
  'deliveryMode',
  'languages',
  'topics',
  'plannedQuarter',
  'startDate',
  'endDate',
  'budgetPlanned',
  'partners',
  'updatedAt',
] as const satisfies readonly (keyof ActivityRecord)[];

type ActivityRow = Pick<ActivityRecord, (typeof EXPORTED_FIELDS)[number]> & {
  recipientCountries: string[];
  productName: string;
  divisionName: string;
  /** The published sheet's objectives in the activity's first language, if any. */
  objectives: string | null;
  finalised: boolean;
};

export interface IatiDocument {
  planCode: string;
  xml: string;
}

/** The TA Plan's activities as an IATI 2.03 activity file, elements in the order the XSD's sequences demand. */
@Injectable()
export class IatiService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async planActivities(planId: string): Promise<IatiDocument> {
    const plan: PlanRow = await findPlanState(this.dataSource.manager, planId);
    const activities = await this.activities(planId);
    // The schema requires at least one iati-activity: an empty plan has no IATI file to give.
    if (activities.length === 0) {
      throw new DomainException(IatiRefusals.PLAN_HAS_NO_IATI_ACTIVITIES, `plan ${plan.code} has no activities to publish in IATI yet`, { planCode: plan.code });
    }
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
      version: '2.03',
      'generated-datetime': new Date().toISOString(),
    });
    for (const activity of activities) this.activity(root, plan, activity);
    return { planCode: plan.code, xml: root.end({ prettyPrint: true }) };
  }

  /** Every activity of the plan, cancelled ones too, with what the export needs of their product, division and sheet. */
  private activities(planId: string): Promise<ActivityRow[]> {
    return this.dataSource.query(
      `SELECT ${selectList(ACTIVITY_FIELDS, 'a', EXPORTED_FIELDS)},
              ARRAY(SELECT c.alpha2::text FROM unnest(a.beneficiary_countries) WITH ORDINALITY b(code, n)
                    JOIN countries c ON c.code = b.code ORDER BY b.n) AS "recipientCountries",
              p.name AS "productName", d.name AS "divisionName",
              CASE WHEN a.sheet_published_at IS NOT NULL THEN nullif(btrim(s.objectives ->> a.languages[1]), '') END AS objectives,
              (a.budget_actual IS NOT NULL AND r.activity_id IS NOT NULL) AS finalised
       FROM activities a
       JOIN products p ON p.id = a.product_id
       JOIN divisions d ON d.code = a.lead_division
       LEFT JOIN activity_sheets s ON s.activity_id = a.id
       LEFT JOIN back_to_office_reports r ON r.activity_id = a.id
       WHERE a.plan_id = $1
       ORDER BY a.code`,
      [planId],
    ) as Promise<ActivityRow[]>;
  }

  private activity(root: XMLBuilder, plan: PlanRow, activity: ActivityRow): void {
    const lang = activity.languages[0] ?? 'en';
    const node = root.ele('iati-activity', {
      'last-updated-datetime': new Date(activity.updatedAt).toISOString(),
      'xml:lang': lang,
      'default-currency': CURRENCY,
    });
    node.ele('iati-identifier').txt(`${REPORTING_ORG.ref}-${activity.code}`);
    node.ele('reporting-org', { ref: REPORTING_ORG.ref, type: REPORTING_ORG.type }).ele('narrative').txt(REPORTING_ORG.name);
    node.ele('title').ele('narrative', { 'xml:lang': lang }).txt(xmlSafe(activity.title));
    const description = activity.objectives ? { lang, text: activity.objectives } : { lang: 'en', text: summary(activity) };
    node
      .ele('description', { type: DescriptionType.General })
      .ele('narrative', { 'xml:lang': description.lang })
      .txt(xmlSafe(description.text));

    node
      .ele('participating-org', { ref: REPORTING_ORG.ref, type: REPORTING_ORG.type, role: ParticipatingOrgRole.Implementing })
      .ele('narrative')
      .txt(REPORTING_ORG.name);
    for (const partner of activity.partners) {
      node.ele('participating-org', { role: ParticipatingOrgRole.Implementing }).ele('narrative').txt(xmlSafe(partner));
    }
    node.ele('activity-status', { code: activityStatusCode(activity.status, activity.finalised) });
    for (const [type, date] of this.dates(plan, activity)) node.ele('activity-date', { type, 'iso-date': date });
    node.ele('activity-scope', { code: activityScopeCode(activity.type) });

    // Countries and regions share one 100%: a region is given only when there is no country.
    const percentages = evenPercentages(activity.recipientCountries.length);
    activity.recipientCountries.forEach((code, index) => node.ele('recipient-country', { code, percentage: percentages[index] }));
    if (activity.recipientCountries.length === 0) {
      node.ele('recipient-region', { code: DEVELOPING_COUNTRIES_UNSPECIFIED, vocabulary: DAC_VOCABULARY, percentage: '100' });
    }
    const sectors = sectorCodes(activity.topics);
    const shares = evenPercentages(sectors.length);
    sectors.forEach((code, index) => node.ele('sector', { vocabulary: DAC_VOCABULARY, code, percentage: shares[index] }));

    const period = this.budgetPeriod(plan, activity);
    const budget = node.ele('budget', { type: BudgetType.Original, status: BudgetStatus.Indicative });
    budget.ele('period-start', { 'iso-date': period.start });
    budget.ele('period-end', { 'iso-date': period.end });
    budget.ele('value', { currency: CURRENCY, 'value-date': period.start }).txt(activity.budgetPlanned);
  }

  /**
   * Planned start and end from the activity's dates, else its planned quarter, else the plan's
   * period (the schema needs at least one date); actual ones only once delivered.
   */
  private dates(plan: PlanRow, activity: ActivityRow): [string, string][] {
    const quarter = activity.plannedQuarter ? quarterRange(activity.plannedQuarter) : undefined;
    const dates: [string, string][] = [[ActivityDateType.PlannedStart, activity.startDate ?? quarter?.first ?? plan.periodStart]];
    const delivered = activity.status === 'delivered';
    if (delivered && activity.startDate) dates.push([ActivityDateType.ActualStart, activity.startDate]);
    dates.push([ActivityDateType.PlannedEnd, activity.endDate ?? quarter?.last ?? plan.periodEnd]);
    if (delivered && activity.endDate) dates.push([ActivityDateType.ActualEnd, activity.endDate]);
    return dates;
  }

  /**
   * IATI's rules keep a budget period within one year, while a plan spans two: the budget is
   * given for the plan's calendar year the activity falls in (by its start date, else its quarter).
   */
  private budgetPeriod(plan: PlanRow, activity: ActivityRow): { start: string; end: string } {
    const yearOfPlan = (year: string) => ({
      start: `${year}-01-01` > plan.periodStart ? `${year}-01-01` : plan.periodStart,
      end: `${year}-12-31` < plan.periodEnd ? `${year}-12-31` : plan.periodEnd,
    });
    const wanted = yearOfPlan((activity.startDate ?? activity.plannedQuarter ?? plan.periodStart).slice(0, 4));
    // A planned activity may still be dated outside its plan's period: then the plan's first year.
    return wanted.start <= wanted.end ? wanted : yearOfPlan(plan.periodStart.slice(0, 4));
  }
}


/** What describes an activity whose sheet is not published: its kind, product and division, in English. */
function summary(activity: ActivityRow): string {
  const mode = activity.deliveryMode.replace(/_/g, ' ');
  return `${activity.title}: a ${activity.type} activity (${mode}) of the product "${activity.productName}", led by the ${activity.divisionName}.`;
}
