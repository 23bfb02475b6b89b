import type { ActivityStatus, ActivityType } from '@trta/activities';

/**
 * Who publishes. An organisation without a registered identifier uses the IATI registry's own
 * `XI-IATI-` prefix; replace `ref` here, and only here, once the organisation registers one.
 */
export const REPORTING_ORG = {
  ref: 'XI-IATI-WTO',
  /** OrganisationType 40: multilateral. */
  type: '40',
  name: 'World Trade Organization, Institute for Training and Technical Cooperation',
} as const;

/** Every amount the planner holds is in Swiss francs. */
export const CURRENCY = 'CHF';

/** IATI codelists used by the export (https://iatistandard.org/en/iati-standard/203/codelists/). */
export const ActivityDateType = { PlannedStart: '1', ActualStart: '2', PlannedEnd: '3', ActualEnd: '4' } as const;
export const ParticipatingOrgRole = { Implementing: '4' } as const;
export const BudgetType = { Original: '1' } as const;
export const BudgetStatus = { Indicative: '1' } as const;
export const DescriptionType = { General: '1' } as const;
/** SectorVocabulary 1 (OECD DAC 5-digit purpose codes) and RegionVocabulary 1 (OECD DAC). */
export const DAC_VOCABULARY = '1';
/** DAC region 998, "Developing countries, unspecified": where a global activity's participants come from. */
export const DEVELOPING_COUNTRIES_UNSPECIFIED = '998';

/**
 * ActivityStatus codelist. Planning (planned, or postponed back to planning) is 1 Pipeline; from
 * confirmation until delivery it is 2 Implementation. A delivered activity is physically complete:
 * 3 Finalisation while its final cost (budgetActual) or its evaluation (the back-to-office report)
 * is still to come, 4 Closed once both are in. Cancelled is 5.
 */
export function activityStatusCode(status: ActivityStatus, finalised: boolean): string {
  switch (status) {
    case 'planned':
    case 'postponed':
      return '1';
    case 'confirmed':
    case 'open':
    case 'closed':
      return '2';
    case 'delivered':
      return finalised ? '4' : '3';
    case 'cancelled':
      return '5';
  }
}

/** ActivityScope codelist: 1 Global, 2 Regional, 4 National. */
export function activityScopeCode(type: ActivityType): string {
  return { global: '1', regional: '2', national: '4' }[type];
}

/** DAC 5-digit sectors: 33181 Trade education/training unless a topic points to a closer one. */
export const DEFAULT_SECTOR = '33181';
const SECTOR_OF_TOPIC: Readonly<Record<string, string>> = {
  trade_facilitation: '33120', // Trade facilitation
  trade_policy_review: '33110', // Trade policy and administrative management
  accessions: '33110',
};

/** The distinct sectors an activity's topics point to, in the order of the topics; never empty. */
export function sectorCodes(topics: readonly string[]): string[] {
  const codes = [...new Set(topics.map((topic) => SECTOR_OF_TOPIC[topic] ?? DEFAULT_SECTOR))];
  return codes.length > 0 ? codes : [DEFAULT_SECTOR];
}

/** 100 split into `parts` percentages with two decimals that sum to exactly 100 (33.34, 33.33, 33.33). */
export function evenPercentages(parts: number): string[] {
  if (parts < 1) return [];
  const base = Math.floor(10000 / parts);
  const extra = 10000 - base * parts;
  return Array.from({ length: parts }, (_value, index) => {
    const cents = base + (index < extra ? 1 : 0);
    const units = Math.floor(cents / 100);
    const rest = cents % 100;
    return rest === 0 ? String(units) : `${units}.${String(rest).padStart(2, '0')}`;
  });
}

/** Strips what XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
export function xmlSafe(text: string): string {
  return text.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}
