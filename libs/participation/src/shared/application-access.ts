import { EntityManager } from 'typeorm';
import { ApplicationRefusals } from '@trta/applications';
import { DomainException, type AuthUser } from '@trta/http';

export interface ApplicationRef {
  id: string;
  activityId: string;
  applicantId: string;
  status: string;
}

/** Roles that see every application; an applicant sees only their own. */
const SEES_ALL = new Set(['admin', 'staff', 'auditor']);

/**
 * The application as the caller may reach it: staff, admins and auditors reach any, an applicant
 * only their own. Another person's application answers 404, exactly as an id that does not
 * exist, so ids cannot be probed.
 */
export async function applicationFor(manager: EntityManager, id: string, user: AuthUser): Promise<ApplicationRef> {
  const [application] = (await manager.query(
    `SELECT id, activity_id AS "activityId", applicant_id AS "applicantId", status FROM applications WHERE id = $1`,
    [id],
  )) as ApplicationRef[];
  if (!application || (!SEES_ALL.has(user.role) && application.applicantId !== user.id)) {
    throw new DomainException(ApplicationRefusals.APPLICATION_NOT_FOUND, `Application ${id} not found`, { applicationId: id });
  }
  return application;
}
