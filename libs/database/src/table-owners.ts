/**
 * The one library that writes each table: every INSERT, UPDATE and DELETE of a table goes
 * through a service of its owner, and other libraries call that service (passing their
 * transaction's EntityManager when both writes must commit together). The demo seeder
 * (libs/demo) is exempt: it loads data in bulk. `table-owners.spec.ts` checks the sources.
 */
export const TABLE_OWNERS = {
  // Reference data, loaded by the migrations and read by everyone.
  regions: 'reference',
  countries: 'reference',
  divisions: 'reference',
  topics: 'reference',
  product_categories: 'reference',
  pls_levels: 'reference',

  users: 'identity',
  applicant_profiles: 'identity',
  account_claims: 'identity',
  sessions: 'identity',
  account_tokens: 'identity',
  user_history: 'identity',

  ta_plans: 'plans',
  key_results: 'plans',
  indicators: 'plans',
  indicator_actuals: 'plans',
  products: 'plans',
  plan_history: 'plans',

  activities: 'activities',
  activity_code_counters: 'activities',
  activity_history: 'activities',
  back_to_office_reports: 'activities',

  activity_sheets: 'sheets',
  sheet_materials: 'sheets',

  stored_files: 'files',

  applications: 'applications',
  application_documents: 'applications',
  // Kept by the trigger on applications (migrations 0008, 0009); no code writes it.
  nomination_counts: 'applications',
  application_drafts: 'applications',
  // Written by the trigger on applications (migration ApplicantJourneys); no code writes it.
  application_status_history: 'applications',

  evaluations: 'participation',

  notifications: 'notifications',

  national_requests: 'requests',
  request_documents: 'requests',
  request_history: 'requests',

  audit_reports: 'audit',
  audit_report_exports: 'audit',
} as const satisfies Record<string, string>;

export type TableName = keyof typeof TABLE_OWNERS;
