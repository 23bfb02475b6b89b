import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as Cast } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ACTIVITY_STATUSES, type ActivityStatus } from '@trta/activities';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@trta/applications';
import { AUDIT_REPORT_STATUSES } from '@trta/audit';
import { REQUEST_STATUSES, type RequestStatus } from '@trta/requests';
import { NEXT_STEPS, type NextStep } from './next-step';

export class HomeQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 20, default: 5, description: 'rows of each list; `total` says how many there are in all' })
  @IsOptional()
  @Cast(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit = 5;
}

/** A few rows of a list, and how many it has in all (the rest is on the list's own page). */
export interface Limited<T> {
  items: T[];
  total: number;
}

const limitedLists = new Map<Type, Type>();

/** `{ items: Item[], total }`, one schema per item class, named `<Item>Summary`. */
export function LimitedOf<T>(item: Type<T>): Type<Limited<T>> {
  const known = limitedLists.get(item);
  if (known) return known as Type<Limited<T>>;
  class ItemSummary implements Limited<T> {
    items!: T[];
    total!: number;
  }
  ApiProperty({ type: [item], description: 'the first rows, at most `limit`' })(ItemSummary.prototype, 'items');
  ApiProperty({ type: Number, description: 'how many rows the list has in all; total − items.length more are on its page' })(ItemSummary.prototype, 'total');
  Object.defineProperty(ItemSummary, 'name', { value: `${item.name}Summary` });
  limitedLists.set(item, ItemSummary);
  return ItemSummary;
}

/** The activity a row of a home page is about. */
export class HomeActivityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TA-2026-0042' })
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ACTIVITY_STATUSES, enumName: 'ActivityStatus' })
  status!: ActivityStatus;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  applicationDeadline!: string | null;
}

/** One of the applicant's applications, with what comes next. */
export class HomeApplicationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: HomeActivityView })
  activity!: HomeActivityView;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  status!: ApplicationStatus;

  @ApiProperty({ type: Number, nullable: true })
  waitlistPosition!: number | null;

  @ApiProperty({ enum: NEXT_STEPS, enumName: 'ApplicationNextStep', nullable: true, description: 'what comes next; null once nothing is left to happen' })
  nextStep!: NextStep | null;

  @ApiProperty({ type: String, nullable: true })
  certificateCode!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: Date | null;
}

export class ApplicantHomeView {
  @ApiProperty({ type: LimitedOf(HomeApplicationView), description: 'applications under way, soonest activity first' })
  applications!: Limited<HomeApplicationView>;

  @ApiProperty({ type: LimitedOf(HomeApplicationView), description: 'activities taken part in whose evaluation is not filled in yet' })
  evaluationsDue!: Limited<HomeApplicationView>;

  @ApiProperty({ type: LimitedOf(HomeApplicationView), description: 'completed activities with a certificate, newest first' })
  certificates!: Limited<HomeApplicationView>;
}

/** An activity with nominations waiting for the focal point, and the country's quota on it. */
export class HomeNominationActivityView {
  @ApiProperty({ type: HomeActivityView })
  activity!: HomeActivityView;

  @ApiProperty({ description: 'applications of the country waiting for endorsement' })
  waiting!: number;

  @ApiProperty({ description: 'endorsements the country may give on this activity' })
  quota!: number;

  @ApiProperty({ description: 'endorsements given (the quota used)' })
  endorsed!: number;

  @ApiProperty({ description: 'endorsements left: quota − endorsed' })
  left!: number;
}

/** A national request, as a home page lists it. */
export class HomeRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'KEN' })
  country!: string;

  @ApiProperty({ example: '2027-Q2' })
  preferredQuarter!: string;

  @ApiProperty({ type: [String], description: 'topic codes' })
  topics!: string[];

  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'RequestStatus' })
  status!: RequestStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class FocalPointHomeView {
  @ApiProperty({ type: String, nullable: true, description: 'the country the focal point acts for' })
  country!: string | null;

  @ApiProperty({ type: LimitedOf(HomeNominationActivityView), description: 'activities with nominations waiting, nearest deadline first' })
  nominations!: Limited<HomeNominationActivityView>;

  @ApiProperty({ description: 'nominations waiting, all activities together' })
  nominationsWaiting!: number;

  @ApiProperty({ type: LimitedOf(HomeRequestView), description: 'the country\'s national requests waiting for the committee, newest first' })
  requests!: Limited<HomeRequestView>;
}

/** An activity that needs staff, with the applications waiting for their decision. */
export class HomeStaffActivityView {
  @ApiProperty({ type: HomeActivityView })
  activity!: HomeActivityView;

  @ApiProperty({ description: 'applications waiting for a staff decision (submitted without nomination needed, or endorsed)' })
  pending!: number;
}

export class StaffHomeView {
  @ApiProperty({ type: LimitedOf(HomeStaffActivityView), description: 'scheduled activities with applications waiting for a decision, soonest start first' })
  applicationsToReview!: Limited<HomeStaffActivityView>;

  @ApiProperty({ description: 'applications waiting for a decision, all activities together' })
  applicationsPending!: number;

  @ApiProperty({
    type: LimitedOf(HomeStaffActivityView),
    description: 'open or closed activities whose application deadline passed and that are still open, or still have applications to decide, before they start',
  })
  deadlinePassed!: Limited<HomeStaffActivityView>;

  @ApiProperty({ type: LimitedOf(HomeStaffActivityView), description: 'planned or confirmed activities starting within 90 days without a published sheet' })
  sheetMissing!: Limited<HomeStaffActivityView>;

  @ApiProperty({ type: LimitedOf(HomeStaffActivityView), description: 'delivered activities without a back-to-office report' })
  reportMissing!: Limited<HomeStaffActivityView>;

  @ApiProperty({ type: LimitedOf(HomeRequestView), description: 'national requests waiting for the committee, oldest first' })
  requestsToReview!: Limited<HomeRequestView>;
}

/** An audit report, as the auditor's home page lists it. */
export class HomeAuditReportView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  year!: number;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: AUDIT_REPORT_STATUSES, enumName: 'AuditReportStatus' })
  status!: (typeof AUDIT_REPORT_STATUSES)[number];

  @ApiProperty({ description: 'percent done' })
  progress!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalizedAt!: Date | null;
}

export class AuditorHomeView {
  @ApiProperty({ type: LimitedOf(HomeAuditReportView), description: 'audit reports, newest request first' })
  reports!: Limited<HomeAuditReportView>;

  @ApiProperty({ type: [Number], description: 'years with a completed report, newest first' })
  yearsReported!: number[];
}
