// The secretariat's own reference lists (DESIGN section 2). Codes are the contract's values;
// names are English, the web application translates them.
import type { TaRegion } from './country-classification';

export const REGIONS: ReadonlyArray<{ code: TaRegion; name: string; beneficiary: boolean }> = [
  { code: 'africa', name: 'Africa', beneficiary: true },
  { code: 'arab_middle_east', name: 'Arab and Middle East', beneficiary: true },
  { code: 'asia_pacific', name: 'Asia and the Pacific', beneficiary: true },
  { code: 'caribbean', name: 'Caribbean', beneficiary: true },
  { code: 'ceecac', name: 'Central and Eastern Europe, Central Asia and the Caucasus', beneficiary: true },
  { code: 'latin_america', name: 'Latin America', beneficiary: true },
  { code: 'developed', name: 'Developed countries (not TA beneficiaries)', beneficiary: false },
];

export const DIVISIONS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'AGCD', name: 'Agriculture and Commodities Division' },
  { code: 'DEV', name: 'Development Division' },
  { code: 'TED', name: 'Trade and Environment Division' },
  { code: 'MAD', name: 'Market Access Division' },
  { code: 'RD', name: 'Rules Division' },
  { code: 'TISID', name: 'Trade in Services and Investment Division' },
  { code: 'IPD', name: 'Intellectual Property, Government Procurement and Competition Division' },
  { code: 'LAD', name: 'Legal Affairs Division' },
  { code: 'ACC', name: 'Accessions Division' },
  { code: 'TPRD', name: 'Trade Policies Review Division' },
  { code: 'ERSD', name: 'Economic Research and Statistics Division' },
  { code: 'ITTC', name: 'Institute for Training and Technical Cooperation' },
  { code: 'CTD', name: 'Council and Trade Negotiations Committee Division' },
  { code: 'IERD', name: 'Information and External Relations Division' },
];

export const TOPICS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'agriculture', name: 'Agriculture' },
  { code: 'sps', name: 'Sanitary and phytosanitary measures' },
  { code: 'tbt', name: 'Technical barriers to trade' },
  { code: 'trips', name: 'Trade-related aspects of intellectual property rights' },
  { code: 'services', name: 'Trade in services' },
  { code: 'trade_facilitation', name: 'Trade facilitation' },
  { code: 'market_access', name: 'Market access' },
  { code: 'rules', name: 'Rules (anti-dumping, subsidies, safeguards)' },
  { code: 'dispute_settlement', name: 'Dispute settlement' },
  { code: 'accessions', name: 'Accessions' },
  { code: 'e_commerce', name: 'Electronic commerce' },
  { code: 'trade_environment', name: 'Trade and environment' },
  { code: 'government_procurement', name: 'Government procurement' },
  { code: 'trade_policy_review', name: 'Trade policy review' },
  { code: 'aid_for_trade', name: 'Aid for Trade' },
  { code: 'general', name: 'General WTO knowledge' },
];

export const PRODUCT_CATEGORIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'general', name: 'General WTO-related technical assistance and training' },
  { code: 'specialized', name: 'Specialized and advanced technical assistance and training' },
  { code: 'academic', name: 'Academic support (chairs programme, reference centres)' },
  { code: 'trainee', name: 'Trainee programmes and internships' },
  { code: 'ecampus', name: 'E-learning' },
];

export const PLS_LEVELS: ReadonlyArray<{ level: number; code: string; name: string }> = [
  { level: 1, code: 'introductory', name: 'Introductory' },
  { level: 2, code: 'intermediate', name: 'Intermediate' },
  { level: 3, code: 'advanced', name: 'Advanced' },
];
