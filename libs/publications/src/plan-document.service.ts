import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVITY_STATUSES } from '@trta/activities';
import { selectList } from '@trta/database';
import { PLAN_FIELDS, planNotFound, PRODUCT_FIELDS, type PlanView, type ProductView } from '@trta/plans';
import { groupedDecimal, PrintLayout, shortDate } from './print-layout';

/** The plan's fields the document prints, from the plans library's field map. */
const DOCUMENT_PLAN_FIELDS = ['id', 'code', 'title', 'status', 'periodStart', 'periodEnd', 'notes', 'ceilingPerCountry'] as const;
type PlanRow = Pick<PlanView, (typeof DOCUMENT_PLAN_FIELDS)[number]> & { totalBudget: string };

/** The product's fields the matrix prints; its budget as numeric's exact text. */
const DOCUMENT_PRODUCT_FIELDS = ['id', 'code', 'name', 'category', 'fundingSource'] as const;
type ProductRow = Pick<ProductView, (typeof DOCUMENT_PRODUCT_FIELDS)[number]> & {
  categoryName: string | null;
  plannedBudget: string;
  counts: Record<string, number>;
  activityCount: number;
};

interface IndicatorRow {
  keyResultId: string;
  keyResultCode: string;
  keyResultTitle: string;
  description: string | null;
  unit: string | null;
  baseline: string | null;
  target: string | null;
  actuals: { year: number; value: string }[] | null;
}

const FUNDING: Record<string, string> = {
  regular_budget: 'Regular budget',
  global_trust_fund: 'Global Trust Fund',
  other_trust_fund: 'Other trust funds',
  partner: 'Partner',
};

/** GET /api/ta-plans/:id/document.pdf: the TA Plan as the document the secretariat publishes. */
@Injectable()
export class PlanDocumentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async render(planId: string): Promise<{ filename: string; content: Buffer }> {
    // One snapshot, so the matrix and the budgets agree with each other.
    const { plan, products, indicators } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [plan] = (await manager.query(
        `SELECT ${selectList(PLAN_FIELDS, null, DOCUMENT_PLAN_FIELDS)},
                (SELECT coalesce(sum(planned_budget), 0.00)::text FROM products WHERE plan_id = ta_plans.id) AS "totalBudget"
         FROM ta_plans WHERE id = $1`,
        [planId],
      )) as PlanRow[];
      if (!plan) throw planNotFound(planId);
      const products = (await manager.query(
        `SELECT ${selectList(PRODUCT_FIELDS, 'p', DOCUMENT_PRODUCT_FIELDS)}, pc.name AS "categoryName",
                p.${PRODUCT_FIELDS.plannedBudget}::text AS "plannedBudget", count(a.id)::int AS "activityCount",
                jsonb_build_object(${ACTIVITY_STATUSES.map((status) => `'${status}', count(a.id) FILTER (WHERE a.status = '${status}')`).join(', ')}) AS counts
         FROM products p
         LEFT JOIN product_categories pc ON pc.code = p.category
         LEFT JOIN activities a ON a.product_id = p.id
         WHERE p.plan_id = $1 GROUP BY p.id, pc.name ORDER BY p.code, p.id`,
        [planId],
      )) as ProductRow[];
      const indicators = (await manager.query(
        `SELECT k.id AS "keyResultId", k.code AS "keyResultCode", k.title AS "keyResultTitle",
                i.description, i.unit, i.baseline::text AS baseline, i.target::text AS target,
                (SELECT json_agg(json_build_object('year', ia.year, 'value', ia.value::text) ORDER BY ia.year)
                 FROM indicator_actuals ia WHERE ia.indicator_id = i.id) AS actuals
         FROM key_results k LEFT JOIN indicators i ON i.key_result_id = k.id
         WHERE k.plan_id = $1 ORDER BY k.position, k.code, i.position, i.id`,
        [planId],
      )) as IndicatorRow[];
      return { plan, products, indicators };
    });
    return { filename: `ta-plan-${plan.code}.pdf`, content: await this.draw(plan, products, indicators) };
  }

  private draw(plan: PlanRow, products: ProductRow[], indicators: IndicatorRow[]): Promise<Buffer> {
    const layout = new PrintLayout(`TA Plan ${plan.code}: ${plan.title}`);
    const { doc } = layout;

    // Title page.
    doc.moveDown(8);
    doc.font('Helvetica').fontSize(14).fillColor('#555555');
    layout.text('World Trade Organization - Technical Assistance and Training Plan', { align: 'center', width: layout.width });
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(26).fillColor('black');
    layout.text(`TA Plan ${plan.code}`, { align: 'center', width: layout.width });
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(16);
    layout.text(plan.title, { align: 'center', width: layout.width });
    doc.moveDown(1.5);
    doc.fontSize(12);
    layout.text(`Period: ${shortDate(plan.periodStart)} - ${shortDate(plan.periodEnd)}`, { align: 'center', width: layout.width });
    layout.text(`Status: ${plan.status}`, { align: 'center', width: layout.width });
    layout.text(`Total planned budget: CHF ${groupedDecimal(plan.totalBudget)}`, { align: 'center', width: layout.width });
    if (plan.notes) {
      doc.moveDown(2);
      doc.fontSize(10);
      layout.text(plan.notes, { align: 'center', width: layout.width });
    }

    doc.addPage();
    layout.heading('Products and budgets', 16, 0);
    if (products.length === 0) layout.paragraph('The plan has no products yet.');
    else {
      layout.table(
        [
          { header: 'Code', width: 0.8 },
          { header: 'Product', width: 3 },
          { header: 'Category', width: 1.5 },
          { header: 'Funding source', width: 1.4 },
          { header: 'Planned budget (CHF)', width: 1.5, align: 'right' },
        ],
        [
          ...products.map((product) => [
            product.code,
            product.name,
            product.categoryName ?? product.category,
            FUNDING[product.fundingSource] ?? product.fundingSource,
            groupedDecimal(product.plannedBudget),
          ]),
          ['', 'Total', '', '', groupedDecimal(plan.totalBudget)],
        ],
        9,
      );
    }

    layout.heading('Key results, indicators and targets', 16, 1);
    if (indicators.length === 0) layout.paragraph('The plan has no results framework yet.');
    let keyResult: string | null = null;
    let rows: string[][] = [];
    const columns = [
      { header: 'Indicator', width: 3.2 },
      { header: 'Unit', width: 1 },
      { header: 'Baseline', width: 0.9, align: 'right' as const },
      { header: 'Target', width: 0.9, align: 'right' as const },
      { header: 'Actual by year', width: 1.8 },
    ];
    const flush = () => {
      if (rows.length > 0) layout.table(columns, rows, 9);
      rows = [];
    };
    for (const row of indicators) {
      if (row.keyResultId !== keyResult) {
        flush();
        keyResult = row.keyResultId;
        layout.heading(`${row.keyResultCode}. ${row.keyResultTitle}`, 11, 0.4);
        if (row.description === null) layout.muted('No indicators yet.');
      }
      if (row.description === null) continue;
      rows.push([
        row.description,
        row.unit ?? '',
        row.baseline !== null ? groupedDecimal(row.baseline) : '-',
        row.target !== null ? groupedDecimal(row.target) : '-',
        row.actuals?.map((actual) => `${actual.year}: ${groupedDecimal(actual.value)}`).join('; ') || 'none yet',
      ]);
    }
    flush();

    doc.addPage();
    layout.heading('Products matrix: activities by product and status', 16, 0);
    const total = (status: string) => products.reduce((sum, product) => sum + (product.counts[status] ?? 0), 0);
    layout.table(
      [
        { header: 'Product', width: 2.2 },
        ...ACTIVITY_STATUSES.map((status) => ({ header: status, width: 1, align: 'right' as const })),
        { header: 'Total', width: 0.9, align: 'right' as const },
      ],
      [
        ...products.map((product) => [
          `${product.code} ${product.name}`,
          ...ACTIVITY_STATUSES.map((status) => String(product.counts[status] ?? 0)),
          String(product.activityCount),
        ]),
        ['All products', ...ACTIVITY_STATUSES.map((status) => String(total(status))), String(products.reduce((sum, p) => sum + p.activityCount, 0))],
      ],
      8,
    );
    return layout.finish(`TA Plan ${plan.code}`);
  }
}
