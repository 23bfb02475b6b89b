import { DataSource, EntityManager } from 'typeorm';
import { SeededRandom } from './random';

export const DEMO_PLAN_CODE = '2026-2027';

const PRODUCTS = [
  { code: 'GEN-1', name: 'Regional trade policy courses', category: 'general', fundingSource: 'global_trust_fund', budget: '4200000.00' },
  { code: 'GEN-2', name: 'National seminars on WTO agreements', category: 'general', fundingSource: 'global_trust_fund', budget: '2600000.00' },
  { code: 'GEN-3', name: 'Geneva-based advanced trade policy course', category: 'general', fundingSource: 'regular_budget', budget: '1900000.00' },
  { code: 'SPEC-1', name: 'SPS and TBT specialized workshops', category: 'specialized', fundingSource: 'other_trust_fund', budget: '1500000.00' },
  { code: 'SPEC-2', name: 'Trade facilitation implementation support', category: 'specialized', fundingSource: 'partner', budget: '1300000.00' },
  { code: 'SPEC-3', name: 'Accession and dispute settlement clinics', category: 'specialized', fundingSource: 'global_trust_fund', budget: '900000.00' },
  { code: 'ACAD-1', name: 'WTO Chairs Programme', category: 'academic', fundingSource: 'global_trust_fund', budget: '800000.00' },
  { code: 'ACAD-2', name: 'Reference centres', category: 'academic', fundingSource: 'regular_budget', budget: '300000.00' },
  { code: 'TRAIN-1', name: 'Young Professionals and internships', category: 'trainee', fundingSource: 'other_trust_fund', budget: '2100000.00' },
  { code: 'ECAMPUS-1', name: 'E-Campus online courses', category: 'ecampus', fundingSource: 'regular_budget', budget: '700000.00' },
] as const;

const KEY_RESULTS = [
  { code: 'KR1', title: 'Officials implement WTO agreements and exercise their rights', indicators: [['Officials trained', 'participants', 9000, 10500], ['Share of participants reporting use of skills', 'percent', 60, 75]] },
  { code: 'KR2', title: 'Acceding governments negotiate accession', indicators: [['Acceding governments assisted', 'governments', 12, 16]] },
  { code: 'KR3', title: 'Parliamentarians, media, civil society and academia understand the trading system', indicators: [['WTO Chairs active', 'chairs', 19, 24], ['Outreach participants', 'participants', 800, 1000]] },
] as const;

const TOPIC_TITLES: Record<string, string> = {
  agriculture: 'Agriculture negotiations and domestic support',
  sps: 'Sanitary and phytosanitary measures',
  tbt: 'Technical barriers to trade',
  trips: 'TRIPS and public health',
  services: 'Trade in services and GATS commitments',
  trade_facilitation: 'Trade Facilitation Agreement implementation',
  market_access: 'Market access for goods and tariff data',
  rules: 'Anti-dumping, subsidies and safeguards',
  dispute_settlement: 'Dispute settlement practice',
  accessions: 'Accession to the WTO',
  e_commerce: 'Electronic commerce and digital trade',
  trade_environment: 'Trade and environment',
  government_procurement: 'Government procurement',
  trade_policy_review: 'Trade policy review preparation',
  aid_for_trade: 'Aid for Trade and mainstreaming',
  general: 'Introduction to the WTO',
};
const TOPIC_DIVISIONS: Record<string, string> = {
  agriculture: 'AGCD', sps: 'AGCD', tbt: 'TED', trips: 'IPD', services: 'TISID', trade_facilitation: 'MAD',
  market_access: 'MAD', rules: 'RD', dispute_settlement: 'LAD', accessions: 'ACC', e_commerce: 'TISID',
  trade_environment: 'TED', government_procurement: 'IPD', trade_policy_review: 'TPRD', aid_for_trade: 'DEV', general: 'ITTC',
};
const REGION_LANGUAGES: Record<string, string[]> = {
  africa: ['en', 'fr'], arab_middle_east: ['en', 'fr'], asia_pacific: ['en'], caribbean: ['en'], ceecac: ['en'], latin_america: ['es'],
};
const PARTNERS = ['WCO', 'ITC', 'UNCTAD', 'World Bank', 'FAO', 'WIPO', 'OECD'];

const SHEET_TEXT = {
  en: (title: string) => ({
    objectives: `Participants deepen their understanding of ${title.toLowerCase()} and how to apply WTO rules in their work.`,
    targetAudience: 'Government officials from capitals and missions working on trade policy.',
    applicationRequirements: 'Nomination by the government, a CV and a short motivation letter.',
    programme: 'Day 1: rules and disciplines. Day 2: case studies. Day 3: national implementation and action plans.',
  }),
  fr: (title: string) => ({
    objectives: `Les participants approfondissent leur compréhension de : ${title}, et l'application des règles de l'OMC.`,
    targetAudience: 'Fonctionnaires des capitales et des missions chargés de la politique commerciale.',
    applicationRequirements: 'Désignation par le gouvernement, un CV et une courte lettre de motivation.',
    programme: "Jour 1 : règles et disciplines. Jour 2 : études de cas. Jour 3 : mise en œuvre nationale et plans d'action.",
  }),
  es: (title: string) => ({
    objectives: `Los participantes profundizan su comprensión de: ${title}, y la aplicación de las normas de la OMC.`,
    targetAudience: 'Funcionarios de las capitales y de las misiones que trabajan en política comercial.',
    applicationRequirements: 'Designación por el gobierno, un CV y una breve carta de motivación.',
    programme: 'Día 1: normas y disciplinas. Día 2: estudios de casos. Día 3: aplicación nacional y planes de acción.',
  }),
};

interface Country {
  code: string;
  region: string;
  name: string;
}

export interface DemoPlanSummary {
  planId: string;
  created: boolean;
  activities: number;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86400000);

/**
 * A realistic biennial plan: products of every category, a results framework, about 300
 * activities a year across regions and delivery modes, with sheets; statuses follow `today`.
 * Loaded once: a second run finds the plan and leaves it alone.
 */
export async function seedDemoPlan(dataSource: DataSource, now = new Date(), activitiesPerYear = 300): Promise<DemoPlanSummary> {
  // Statuses follow the date, not the time of day: an activity ending today is not delivered yet.
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return dataSource.transaction(async (manager) => {
    const [existing] = (await manager.query('SELECT id FROM ta_plans WHERE code = $1', [DEMO_PLAN_CODE])) as { id: string }[];
    if (existing) {
      const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM activities WHERE plan_id = $1', [existing.id])) as { count: number }[];
      return { planId: existing.id, created: false, activities: count };
    }
    const random = new SeededRandom(20262027);
    const [{ id: planId }] = (await manager.query(
      `INSERT INTO ta_plans (code, title, period_start, period_end, status, notes, ceiling_per_country)
       VALUES ($1, 'Biennial Technical Assistance Plan 2026-2027', '2026-01-01', '2027-12-31', 'adopted',
               'Demo plan loaded by npm run seed:demo.', 6) RETURNING id`,
      [DEMO_PLAN_CODE],
    )) as { id: string }[];
    const products = await insertProducts(manager, planId);
    const keyResultIds = await insertKeyResults(manager, planId);
    const countries = (await manager.query(
      "SELECT code, region, name FROM countries WHERE region <> 'developed' AND wto_status <> 'other' ORDER BY code",
    )) as Country[];
    const byRegion = new Map<string, Country[]>();
    for (const country of countries) byRegion.set(country.region, [...(byRegion.get(country.region) ?? []), country]);
    const regions = [...byRegion.keys()];

    const rows: Record<string, unknown>[] = [];
    const sheets: Record<string, unknown>[] = [];
    for (const year of [2026, 2027]) {
      for (let n = 1; n <= activitiesPerYear; n++) {
        const product = random.weighted(products.map((p) => [p, p.weight] as const));
        const topic = random.pick(Object.keys(TOPIC_TITLES));
        const deliveryMode =
          product.category === 'ecampus'
            ? 'e_learning'
            : random.weighted([['face_to_face', 6], ['online', 2], ['hybrid', 2]] as const);
        const type =
          product.category === 'ecampus' || product.code === 'GEN-3' || product.category === 'trainee'
            ? 'global'
            : random.weighted([['national', 4], ['regional', 4], ['global', 1]] as const);
        const region = type === 'global' ? null : random.pick(regions);
        const regionCountries = region ? (byRegion.get(region) ?? []) : [];
        const beneficiaries =
          type === 'national' ? [random.pick(regionCountries)] : type === 'regional' ? random.sample(regionCountries, random.int(3, 8)) : [];
        const languages = region ? REGION_LANGUAGES[region] : random.weighted([[['en'], 4], [['en', 'fr', 'es'], 2], [['en', 'es'], 1]] as const);
        const start = addDays(new Date(Date.UTC(year, 0, 10)), random.int(0, 330));
        const length = deliveryMode === 'e_learning' ? random.int(28, 70) : product.category === 'trainee' ? random.int(60, 120) : random.int(2, 10);
        const end = addDays(start, Math.min(length, Math.floor((Date.UTC(year, 11, 31) - start.getTime()) / 86400000)));
        const deadline = addDays(start, -random.int(20, 45));
        const venue =
          deliveryMode === 'online' || deliveryMode === 'e_learning'
            ? null
            : type === 'global'
              ? { city: 'Geneva', country: 'CHE' }
              : { city: `${beneficiaries[0].name.split(/[ ,(]/)[0]} capital`, country: beneficiaries[0].code };
        const budgetPlanned = (random.int(8, 180) * 1000).toFixed(2);
        const status = statusFor(random, start, end, deadline, today);
        const delivered = status === 'delivered';
        const title = `${TOPIC_TITLES[topic]}${region ? ` — ${regionName(region)}` : ''}${type === 'national' ? ` (${beneficiaries[0].name})` : ''}`;
        const code = `TA-${year}-${String(n).padStart(4, '0')}`;
        rows.push({
          code,
          product_id: product.id,
          title: title.slice(0, 300),
          type,
          delivery_mode: deliveryMode,
          pls_level: product.category === 'academic' || product.category === 'trainee' ? null : random.int(1, 3),
          languages,
          topics: [topic],
          lead_division: TOPIC_DIVISIONS[topic],
          beneficiary_countries: beneficiaries.map((country) => country.code),
          region,
          planned_quarter: `${year}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`,
          start_date: status === 'planned' && random.next() < 0.5 ? null : iso(start),
          end_date: null as string | null,
          venue_city: venue?.city ?? null,
          venue_country: venue?.country ?? null,
          capacity: deliveryMode === 'e_learning' ? random.int(100, 400) : random.int(15, 40),
          application_deadline: iso(deadline),
          requires_nomination: type !== 'global' || random.next() < 0.5,
          nomination_quota: 2,
          prerequisite_level: random.next() < 0.15 ? 1 : null,
          key_results: [random.pick(keyResultIds)],
          budget_planned: budgetPlanned,
          budget_actual: delivered ? ((Number(budgetPlanned) * (0.7 + random.next() * 0.4)) / 1).toFixed(2) : null,
          funding_source: product.fundingSource,
          partners: random.next() < 0.3 ? random.sample(PARTNERS, random.int(1, 2)) : [],
          status,
          status_reason: status === 'cancelled' ? 'Cancelled at the request of the host government' : null,
          sheet_published_at: ['open', 'closed', 'delivered'].includes(status) || (status === 'confirmed' && random.next() < 0.5) ? iso(deadline) : null,
        });
        const row = rows[rows.length - 1];
        row.end_date = row.start_date ? iso(end) : null;
        if (!row.start_date) row.application_deadline = null;
        if (row.sheet_published_at || status === 'confirmed') {
          const texts = Object.fromEntries(
            ['objectives', 'targetAudience', 'applicationRequirements', 'programme'].map((field) => [
              field,
              Object.fromEntries(languages.map((lang) => [lang, SHEET_TEXT[lang as 'en' | 'fr' | 'es'](TOPIC_TITLES[topic])[field as 'objectives']])),
            ]),
          );
          sheets.push({ code, ...texts, required_documents: row.requires_nomination ? ['cv', 'nomination_letter'] : ['cv'] });
        }
      }
    }
    await manager.query(
      `INSERT INTO activities (code, plan_id, product_id, title, type, delivery_mode, pls_level, languages, topics, lead_division,
         beneficiary_countries, region, planned_quarter, start_date, end_date, venue_city, venue_country, capacity,
         application_deadline, requires_nomination, nomination_quota, prerequisite_level, key_results, budget_planned,
         budget_actual, funding_source, partners, status, status_reason, sheet_published_at)
       SELECT code, $2, product_id, title, type, delivery_mode, pls_level, languages, topics, lead_division,
         beneficiary_countries, region, planned_quarter, start_date, end_date, venue_city, venue_country, capacity,
         application_deadline, requires_nomination, nomination_quota, prerequisite_level, key_results, budget_planned,
         budget_actual, funding_source, partners, status, status_reason, sheet_published_at
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, product_id uuid, title text, type text, delivery_mode text,
         pls_level smallint, languages text[], topics text[], lead_division text, beneficiary_countries char(3)[], region text,
         planned_quarter text, start_date date, end_date date, venue_city text, venue_country char(3), capacity int,
         application_deadline date, requires_nomination boolean, nomination_quota int, prerequisite_level smallint,
         key_results uuid[], budget_planned numeric, budget_actual numeric, funding_source text, partners text[],
         status text, status_reason text, sheet_published_at timestamptz)`,
      [JSON.stringify(rows), planId],
    );
    await manager.query(
      `INSERT INTO activity_sheets (activity_id, objectives, target_audience, application_requirements, programme, required_documents)
       SELECT a.id, s."objectives", s."targetAudience", s."applicationRequirements", s."programme", s.required_documents
       FROM jsonb_to_recordset($1::jsonb) AS s(code text, "objectives" jsonb, "targetAudience" jsonb,
         "applicationRequirements" jsonb, "programme" jsonb, required_documents text[])
       JOIN activities a ON a.code = s.code`,
      [JSON.stringify(sheets)],
    );
    await manager.query(
      `INSERT INTO activity_code_counters (year, last) VALUES (2026, $1), (2027, $1)
       ON CONFLICT (year) DO UPDATE SET last = greatest(activity_code_counters.last, EXCLUDED.last)`,
      [activitiesPerYear],
    );
    return { planId, created: true, activities: rows.length };
  });
}

function regionName(region: string): string {
  return (
    { africa: 'Africa', arab_middle_east: 'Arab and Middle East', asia_pacific: 'Asia-Pacific', caribbean: 'Caribbean', ceecac: 'CEECAC', latin_america: 'Latin America' } as Record<string, string>
  )[region];
}

/** Where an activity stands on `today`: past ones delivered (a few cancelled), current calls open, later ones planned or confirmed. */
function statusFor(random: SeededRandom, start: Date, end: Date, deadline: Date, today: Date): string {
  if (random.next() < 0.04) return 'cancelled';
  if (end < today) return random.next() < 0.03 ? 'postponed' : 'delivered';
  if (start <= today) return 'closed';
  if (deadline > today) return random.weighted([['open', 5], ['confirmed', 2], ['planned', 3]] as const);
  return random.weighted([['closed', 3], ['confirmed', 1]] as const);
}

async function insertProducts(manager: EntityManager, planId: string) {
  const weights: Record<string, number> = { general: 5, specialized: 3, academic: 1, trainee: 1, ecampus: 2 };
  const inserted = [];
  for (const product of PRODUCTS) {
    const [{ id }] = (await manager.query(
      `INSERT INTO products (plan_id, code, name, category, description, planned_budget, funding_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [planId, product.code, product.name, product.category, `${product.name} of the 2026-2027 plan.`, product.budget, product.fundingSource],
    )) as { id: string }[];
    inserted.push({ ...product, id, weight: weights[product.category] });
  }
  return inserted;
}

async function insertKeyResults(manager: EntityManager, planId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [position, keyResult] of KEY_RESULTS.entries()) {
    const [{ id }] = (await manager.query(
      'INSERT INTO key_results (plan_id, code, title, position) VALUES ($1, $2, $3, $4) RETURNING id',
      [planId, keyResult.code, keyResult.title, position],
    )) as { id: string }[];
    ids.push(id);
    for (const [index, [description, unit, baseline, target]] of keyResult.indicators.entries()) {
      const [{ id: indicatorId }] = (await manager.query(
        'INSERT INTO indicators (key_result_id, description, unit, baseline, target, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [id, description, unit, baseline, target, index],
      )) as { id: string }[];
      await manager.query('INSERT INTO indicator_actuals (indicator_id, year, value) VALUES ($1, 2026, $2)', [
        indicatorId,
        Math.round(Number(baseline) + (Number(target) - Number(baseline)) * 0.55),
      ]);
    }
  }
  return ids;
}
