import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApplicationRefusals,
  ApplicationsService,
  participationTimingRefusal,
  REGISTERED_AS,
  REGISTRABLE_ACTIVITY_STATUSES,
  SELF_PACED_MODE,
  type TimingRefusal,
} from '@trta/applications';
import { ACTIVITY_FIELDS } from '@trta/activities';
import { pgError, selectList } from '@trta/database';
import { constraintRefusal, ConstraintRefusals, DomainException, validationFailed, type AuthUser } from '@trta/http';
import { AccountLinksService, UsersService, type Locale } from '@trta/identity';
import { NotificationKind, NotificationsService } from '@trta/notifications';
// Claim tokens live with the accounts they open; imported by path as identity's barrel does not list them.
import { newCertificateCode } from '../certificates/certificate-code';
import { insertEvaluation } from '../evaluations/evaluations.service';
import { ParticipationRefusals as R } from '../participation.refusals';
import { readParticipantsCsv, rowToBody } from './participant-csv';
import {
  ATTENDED_STATUSES,
  ImportProblem,
  ParticipantImportView,
  RegisterParticipantDto,
  RegisteredParticipant,
  SEAT_STATUSES,
} from './participants.dto';


const STATUS_NOTIFICATIONS: Partial<Record<string, NotificationKind>> = {
  submitted: NotificationKind.ApplicationSubmitted,
  selected: NotificationKind.ApplicationSelected,
  completed: NotificationKind.CertificateReady,
};

interface LockedActivity {
  id: string;
  code: string;
  title: string;
  status: string;
  capacity: number;
  seatsTaken: number;
  lengthDays: number | null;
  startDate: string | null;
  endDate: string | null;
  started: boolean;
  ended: boolean;
  selfPaced: boolean;
}

interface ExistingUser {
  id: string;
  key: string;
  role: string;
  deleted: boolean;
  profileCountry: string | null;
}

interface Candidate {
  row: number | null;
  dto: RegisterParticipantDto;
}

interface Checked extends Candidate {
  existing: ExistingUser | null;
}

/**
 * A problem of a row; `conflict` marks those a single registration answers with 409 rather than
 * 422, `timing` those the activity's dates refuse (a single registration answers with that refusal).
 */
type Problem = ImportProblem & { conflict?: boolean; timing?: TimingRefusal };

/** What the checks need to know about the database, read once for the whole file. */
interface Context {
  activity: LockedActivity;
  users: Map<string, ExistingUser>;
  registered: Map<string, string>;
  countries: Set<string>;
}

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Participants registered by staff, one (JSON) or many (CSV): accounts created for new emails
 * (claimable later), existing ones reused, any status up to completed, paper evaluations. A file
 * is checked as a whole and written in one transaction, or not at all.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly applications: ApplicationsService,
    private readonly accountLinks: AccountLinksService,
  ) {}

  async registerOne(activityId: string, body: unknown, staff: AuthUser): Promise<RegisteredParticipant> {
    const dto = await validateBody(body);
    const { participants, notificationIds } = await this.dataSource.transaction(async (manager) => {
      const activity = await lockRegistrableActivity(manager, activityId);
      const context = await loadContext(manager, activity, [dto]);
      const problems = checkCandidate(context, { row: null, dto });
      const timing = problems.find((problem) => problem.timing)?.timing;
      if (timing) {
        throw new DomainException(R[timing.code], problems.find((problem) => problem.timing)!.problem, { ...timing.params, activityCode: activity.code });
      }
      if (problems.some((problem) => problem.conflict)) {
        throw new DomainException(
          ConstraintRefusals.ALREADY_APPLIED,
          problems.filter((problem) => problem.conflict).map((problem) => problem.problem).join('; '),
          { activityCode: activity.code, email: dto.email },
        );
      }
      if (problems.length > 0) {
        throw new DomainException(R.PARTICIPANTS_INVALID, problems.map((problem) => problem.problem).join('; '), { activityCode: activity.code }, {
          errors: problems.map(({ field, problem }) => ({ field, problem })),
        });
      }
      if (SEAT_STATUSES.includes(dto.status) && activity.seatsTaken >= activity.capacity) throw full(activity);
      return this.insertAll(manager, context, [{ row: null, dto, existing: context.users.get(emailKey(dto.email)) ?? null }], staff);
    });
    await this.notifications.dispatch(notificationIds);
    return participants[0];
  }

  async importCsv(activityId: string, csv: string, staff: AuthUser): Promise<ParticipantImportView> {
    const { rows, problems } = readParticipantsCsv(csv);
    const rowCount = rows.length + problems.length;
    const candidates: Candidate[] = [];
    for (const { row, values } of rows) {
      const dto = plainToInstance(RegisterParticipantDto, rowToBody(values));
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length === 0) candidates.push({ row, dto });
      for (const error of leaves(errors)) {
        for (const message of Object.values(error.constraints ?? {})) problems.push({ row, field: error.property, problem: message });
      }
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const activity = await lockRegistrableActivity(manager, activityId);
      const context = await loadContext(manager, activity, candidates.map((candidate) => candidate.dto));
      for (const candidate of candidates) problems.push(...checkCandidate(context, candidate));
      problems.push(...duplicatesInFile(candidates), ...beyondCapacity(activity, rows));
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row);
        const badRows = new Set(problems.map((problem) => problem.row)).size;
        throw new DomainException(R.PARTICIPANTS_INVALID, `${badRows} of ${rowCount} rows have problems; nothing was imported`, { badRows, rowCount }, {
          errors: problems.map(({ row, field, problem }) => ({ row, field, problem })),
        });
      }
      const checked = candidates.map((candidate) => ({ ...candidate, existing: context.users.get(emailKey(candidate.dto.email)) ?? null }));
      return this.insertAll(manager, context, checked, staff);
    });
    await this.notifications.dispatch(result.notificationIds);
    return { created: result.participants.length, participants: result.participants };
  }

  private async insertAll(
    manager: EntityManager,
    context: Context,
    participants: Checked[],
    staff: AuthUser,
  ): Promise<{ participants: RegisteredParticipant[]; notificationIds: (string | null)[] }> {
    const registered: RegisteredParticipant[] = [];
    const notificationIds: (string | null)[] = [];
    try {
      for (const participant of participants) {
        const { view, notifications } = await this.insertOne(manager, context.activity, participant, staff);
        registered.push(view);
        notificationIds.push(...notifications);
      }
    } catch (error) {
      const { code, constraint } = pgError(error) ?? {};
      if (code === '23514' && constraint === 'activities_seats_check') {
        throw constraintRefusal(error, { activityCode: context.activity.code, capacity: context.activity.capacity }) ?? error;
      }
      if (code === '23505' && constraint === 'applications_activity_applicant_key') {
        throw new DomainException(
          ConstraintRefusals.ALREADY_APPLIED,
          `a participant was registered for activity ${context.activity.code} at the same time; nothing was registered`,
          { activityCode: context.activity.code, constraint },
        );
      }
      throw error;
    }
    return { participants: registered, notificationIds };
  }

  private async insertOne(
    manager: EntityManager,
    activity: LockedActivity,
    { row, dto, existing }: Checked,
    staff: AuthUser,
  ): Promise<{ view: RegisteredParticipant; notifications: (string | null)[] }> {
    let userId: string;
    let claim: { link: string; expiresOn: string } | null = null;
    let takeover: { link: string; expiresAt: string } | null = null;
    if (existing) {
      userId = existing.id;
      if (!existing.profileCountry) await this.users.insertProfile(manager, userId, dto.profile!);
      // An account never confirmed may have been opened by someone else with this address: its owner may take it over.
      takeover = await this.accountLinks.takeoverLink(manager, userId);
    } else {
      const profile = dto.profile!;
      const locale: Locale = dto.locale ?? profile.languages[0] ?? 'en';
      const user = await this.users.insertUser(manager, { email: dto.email, passwordHash: null, role: 'applicant', country: null, locale });
      userId = user.id;
      await this.users.insertProfile(manager, userId, profile);
      claim = await this.accountLinks.claimLink(manager, userId, dto.email, staff.id);
    }
    const certificateCode = dto.status === 'completed' ? newCertificateCode() : null;
    const application = await this.applications.registerByStaff(manager, {
      activityId: activity.id,
      applicantId: userId,
      country: existing?.profileCountry ?? dto.profile!.country,
      status: dto.status,
      staffId: staff.id,
      attendedDays: dto.attendedDays ?? null,
      certificateCode,
    });
    if (dto.evaluation) await insertEvaluation(manager, application.id, dto.evaluation, staff.id);

    const params = { activityCode: activity.code, activityTitle: activity.title, startDate: activity.startDate };
    const notifications: (string | null)[] = [];
    if (claim) {
      notifications.push(
        await this.notifications.queue(manager, {
          userId,
          kind: NotificationKind.AccountCreated,
          applicationId: application.id,
          params: { ...params, email: dto.email, link: claim.link, claimExpiresOn: claim.expiresOn },
        }),
      );
    }
    if (takeover) {
      notifications.push(
        await this.notifications.queue(manager, {
          userId,
          kind: NotificationKind.AccountTakeover,
          applicationId: application.id,
          params: { ...params, email: dto.email, link: takeover.link, linkExpiresAt: takeover.expiresAt },
        }),
      );
    }
    const kind = STATUS_NOTIFICATIONS[dto.status];
    if (kind) {
      notifications.push(
        await this.notifications.queue(manager, { userId, kind, applicationId: application.id, params: { ...params, certificateCode: certificateCode ?? undefined } }),
      );
    }
    return {
      view: { row, applicationId: application.id, email: dto.email, newAccount: !existing, status: dto.status, certificateCode },
      notifications,
    };
  }
}

/** The JSON body through the same DTO and options as the global validation pipe (which cannot run: the route also takes files). */
async function validateBody(body: unknown): Promise<RegisterParticipantDto> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainException(R.PARTICIPANT_BODY_INVALID, 'send one participant as a JSON object, or many as a CSV file (multipart/form-data)');
  }
  const dto = plainToInstance(RegisterParticipantDto, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationFailed(errors);
  return dto;
}

function leaves(errors: ValidationError[]): ValidationError[] {
  return errors.flatMap((error) => [error, ...leaves(error.children ?? [])]);
}

function full(activity: LockedActivity): DomainException {
  return new DomainException(
    ApplicationRefusals.ACTIVITY_FULL,
    `activity ${activity.code} is full`,
    { activityCode: activity.code, capacity: activity.capacity },
    { capacity: activity.capacity, seatsTaken: activity.seatsTaken },
  );
}

/** The row lock keeps seats, status and registrations of the activity still while the participants go in. */
async function lockRegistrableActivity(manager: EntityManager, activityId: string): Promise<LockedActivity> {
  const [activity] = (await manager.query(
    `SELECT ${selectList(ACTIVITY_FIELDS, null, ['id', 'code', 'title', 'status', 'capacity', 'startDate', 'endDate'])},
       seats_taken AS "seatsTaken", (end_date - start_date + 1) AS "lengthDays", coalesce(start_date <= current_date, false) AS started,
       coalesce(end_date < current_date, false) AS ended, delivery_mode = '${SELF_PACED_MODE}' AS "selfPaced"
     FROM activities WHERE id = $1 FOR UPDATE`,
    [activityId],
  )) as LockedActivity[];
  if (!activity) throw new DomainException(ApplicationRefusals.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
  if (!REGISTRABLE_ACTIVITY_STATUSES.includes(activity.status)) {
    throw new DomainException(
      R.ACTIVITY_NOT_REGISTRABLE,
      `activity ${activity.code} is ${activity.status}; staff register participants only when it is ${REGISTRABLE_ACTIVITY_STATUSES.join(', ')}`,
      { activityCode: activity.code, status: activity.status, registrableStatuses: [...REGISTRABLE_ACTIVITY_STATUSES] },
    );
  }
  return activity;
}

async function loadContext(manager: EntityManager, activity: LockedActivity, dtos: RegisterParticipantDto[]): Promise<Context> {
  const keys = [...new Set(dtos.map((dto) => emailKey(dto.email)))];
  const users = (await manager.query(
    `SELECT u.id, lower(u.email) AS key, u.role, u.deleted_at IS NOT NULL AS deleted, p.country AS "profileCountry"
     FROM users u LEFT JOIN applicant_profiles p ON p.user_id = u.id WHERE lower(u.email) = ANY($1)`,
    [keys],
  )) as ExistingUser[];
  const registered = (await manager.query(
    `SELECT lower(u.email) AS key, ap.status FROM applications ap JOIN users u ON u.id = ap.applicant_id
     WHERE ap.activity_id = $1 AND lower(u.email) = ANY($2)`,
    [activity.id, keys],
  )) as { key: string; status: string }[];
  const codes = [...new Set(dtos.flatMap((dto) => (dto.profile ? [dto.profile.nationality, dto.profile.country] : [])))];
  const countries = (await manager.query('SELECT code FROM countries WHERE code = ANY($1)', [codes])) as { code: string }[];
  return {
    activity,
    users: new Map(users.map((user) => [user.key, user])),
    registered: new Map(registered.map((row) => [row.key, row.status])),
    countries: new Set(countries.map((country) => country.code)),
  };
}

/** The business rules of one participant whose fields are well-formed; every problem found. */
function checkCandidate(context: Context, { row, dto }: Candidate): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string | null, problem: string, conflict = false) => problems.push({ row: row ?? 0, field, problem, conflict });
  const existing = context.users.get(emailKey(dto.email));
  const attended = ATTENDED_STATUSES.includes(dto.status);

  if (existing && existing.role !== 'applicant') add('email', `email ${dto.email} belongs to a ${existing.role} account, not an applicant`);
  else if (existing?.deleted) add('email', `email ${dto.email} belongs to a deleted account`);
  const needsProfile = !existing || (existing.role === 'applicant' && !existing.profileCountry);
  if (needsProfile && !dto.profile) {
    add('profile', `email ${dto.email} has no applicant profile yet: fullName, gender, nationality, country, institutionType, institution, position and languages are required to create it`);
  }
  if (needsProfile && dto.profile) {
    if (!context.countries.has(dto.profile.nationality)) add('nationality', `nationality ${dto.profile.nationality} is not a known country code`);
    if (!context.countries.has(dto.profile.country)) add('country', `country ${dto.profile.country} is not a known country code`);
  }
  const registeredStatus = context.registered.get(emailKey(dto.email));
  if (registeredStatus) {
    add('email', `email ${dto.email} is already registered for activity ${context.activity.code} (status ${registeredStatus})`, true);
  }
  if (dto.attendedDays !== undefined && !attended) add('attendedDays', `attendedDays is recorded only for status attended or completed, not ${dto.status}`);
  const length = context.activity.lengthDays;
  if (dto.attendedDays !== undefined && length !== null && dto.attendedDays > length) {
    add('attendedDays', `attendedDays ${dto.attendedDays} is more than the ${length} days activity ${context.activity.code} lasts`);
  }
  if (dto.evaluation && !attended) add('evaluation', `an evaluation is entered only for status attended or completed, not ${dto.status}`);
  const action = REGISTERED_AS[dto.status];
  const timing = action ? participationTimingRefusal(action, context.activity) : null;
  if (timing) {
    const { activity } = context;
    problems.push({
      row: row ?? 0,
      field: 'status',
      problem:
        timing.code === 'ACTIVITY_NOT_STARTED'
          ? `status ${dto.status}: activity ${activity.code} starts on ${activity.startDate ?? '(no date)'}; attendance is recorded only once it has started`
          : `status ${dto.status}: activity ${activity.code} ends on ${activity.endDate ?? '(no date)'}; completion and certificates only once it has ended`,
      timing,
    });
  }
  return problems;
}

function duplicatesInFile(candidates: Candidate[]): Problem[] {
  const firstRow = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { row, dto } of candidates) {
    const key = emailKey(dto.email);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row ?? 0);
    else problems.push({ row: row ?? 0, field: 'email', problem: `email ${dto.email} is also in row ${first}` });
  }
  return problems;
}

/** Rows whose status takes a seat must fit in the seats left; the ones beyond are each reported. */
function beyondCapacity(activity: LockedActivity, rows: { row: number; values: { status?: string } }[]): Problem[] {
  const seatsLeft = Math.max(0, activity.capacity - activity.seatsTaken);
  const seatRows = rows.filter(({ values }) => values.status !== undefined && SEAT_STATUSES.includes(values.status));
  return seatRows.slice(seatsLeft).map(({ row }) => ({
    row,
    field: 'status',
    problem: `activity ${activity.code} has ${seatsLeft} seats left and the file puts ${seatRows.length} participants in a seat (${SEAT_STATUSES.join(', ')})`,
  }));
}
