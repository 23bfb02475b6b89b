import { declareRefusals } from '@trta/http';

/** Refusals of audit reports and their exports. */
export const AuditRefusals = declareRefusals({
  AUDIT_REPORT_NOT_FOUND: 404,
  /** Only a completed report is finalized or exported; `params.status` is the report's status now. */
  AUDIT_REPORT_NOT_COMPLETED: 409,
  /** A finalized report is frozen (also the refusal of the constraint audit_reports_finalized_frozen). */
  AUDIT_REPORT_FINALIZED: 409,
});
