import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows, selectList } from '@trta/database';
import { constraintRefusal, decodeCursor, DomainException, Page, toPage, type Role } from '@trta/http';
import { assertStrongPassword } from '../auth/password-policy';
import { IdentityRefusals } from '../identity.refusals';
import { SessionsService } from '../sessions/sessions.service';
import { recordUserChange } from './user-history';
import { ApplicantProfile } from './applicant-profile.entity';
import {
  APPLICANT_PROFILE_COLUMNS,
  APPLICANT_PROFILE_FIELDS,
  APPLICANT_PROFILE_ROW_FIELDS,
  type ApplicantProfileRow,
  USER_FIELDS,
  USER_RETURNING,
} from './user-columns';
import { User, type Locale } from './user.entity';
import { ApplicantProfileDto, CreateUserDto, CurrentUserView, ListUsersQueryDto, RegisterDto, UserView } from './users.dto';

export interface Credentials {
  id: string;
  email: string;
  role: Role;
  country: string | null;
  passwordHash: string | null;
  disabled: boolean;
}

const USER_COLUMNS = selectList(USER_FIELDS, 'u');
const PROFILE_KEYS = Object.keys(APPLICANT_PROFILE_FIELDS) as (keyof ApplicantProfileDto)[];

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async register(dto: RegisterDto): Promise<UserView> {
    assertStrongPassword(dto.password, [dto.email, dto.profile.fullName]);
    await this.assertCountriesExist({ 'profile.nationality': dto.profile.nationality, 'profile.country': dto.profile.country });
    const passwordHash = await UsersService.hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertUser(manager, {
        email: dto.email,
        passwordHash,
        role: 'applicant',
        country: null,
        locale: dto.locale ?? dto.profile.languages[0] ?? 'en',
      });
      await manager.insert(ApplicantProfile, { userId: user.id, ...dto.profile });
      return user;
    });
  }

  /** An account an admin creates: its email counts as confirmed (the admin vouches for it). */
  async create(dto: CreateUserDto, createdBy: string | null = null): Promise<UserView> {
    if (dto.country) await this.assertCountriesExist({ country: dto.country });
    assertStrongPassword(dto.password, [dto.email]);
    const passwordHash = await UsersService.hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertUser(manager, {
        email: dto.email,
        passwordHash,
        role: dto.role,
        country: dto.role === 'focal_point' ? (dto.country ?? null) : null,
        locale: dto.locale ?? 'en',
        emailVerified: true,
      });
      await recordUserChange(manager, user.id, createdBy, 'created', { role: { from: null, to: user.role } });
      return user;
    });
  }

  async findCredentials(email: string): Promise<Credentials | undefined> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select([
        'u.id AS id',
        'u.email AS email',
        'u.role AS role',
        'u.country AS country',
        'u.password_hash AS "passwordHash"',
        'u.disabled_at IS NOT NULL AS disabled',
      ])
      .from(User, 'u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .andWhere('u.deleted_at IS NULL')
      .getRawOne<Credentials>();
    return row ?? undefined;
  }

  async findView(id: string): Promise<CurrentUserView> {
    const user = await this.dataSource
      .createQueryBuilder()
      .select(USER_COLUMNS)
      .from(User, 'u')
      .where('u.id = :id', { id })
      .getRawOne<UserView>();
    if (!user) throw new DomainException(IdentityRefusals.USER_NOT_FOUND, `User ${id} not found`, { userId: id });
    const profile = await this.dataSource
      .createQueryBuilder()
      .select(selectList(APPLICANT_PROFILE_FIELDS, 'p'))
      .from(ApplicantProfile, 'p')
      .where('p.user_id = :id', { id })
      .getRawOne<ApplicantProfileDto>();
    return { ...user, profile: profile ?? null };
  }

  async list(query: ListUsersQueryDto): Promise<Page<UserView>> {
    const builder = this.dataSource.createQueryBuilder().select(USER_COLUMNS).from(User, 'u');
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    builder.andWhere('u.deleted_at IS NULL');
    if (query.status === 'disabled') builder.andWhere('u.disabled_at IS NOT NULL');
    if (query.status === 'active') builder.andWhere('u.disabled_at IS NULL');
    if (query.status === 'unverified') builder.andWhere('u.email_verified_at IS NULL');
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        `(u.email ILIKE :pattern OR EXISTS (SELECT 1 FROM applicant_profiles sp WHERE sp.user_id = u.id AND sp.full_name ILIKE :pattern))`,
        { pattern },
      );
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      builder.andWhere('(u.created_at, u.id) > (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    // The cursor keeps created_at as PostgreSQL prints it: microseconds, which a JS Date would lose.
    const rows = await builder
      .addSelect('u.created_at::text', 'sortKey')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(query.limit + 1)
      .getRawMany<UserView & { sortKey?: string }>();
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...user }) => user) };
  }

  async countAdmins(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(User).countBy({ role: 'admin' });
  }

  /** Inserts a user; an email already registered, in any letter case, is a 409. */
  async insertUser(
    manager: EntityManager,
    values: { email: string; passwordHash: string | null; role: Role; country: string | null; locale: Locale; emailVerified?: boolean },
  ): Promise<UserView> {
    try {
      const [row] = await queryRows(
        manager,
        USER_FIELDS,
        `INSERT INTO users (email, password_hash, role, country, locale, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)
         RETURNING ${USER_RETURNING}`,
        [values.email, values.passwordHash, values.role, values.country, values.locale, values.emailVerified ?? false],
      );
      return row;
    } catch (error) {
      throw constraintRefusal(error, { email: values.email }) ?? error;
    }
  }

  /** The profile of an applicant account that has none yet (staff registering a participant); in the caller's transaction. */
  async insertProfile(manager: EntityManager, userId: string, profile: ApplicantProfileDto): Promise<void> {
    await manager.query(
      `INSERT INTO applicant_profiles (user_id, ${PROFILE_KEYS.map((key) => APPLICANT_PROFILE_FIELDS[key]).join(', ')})
       VALUES ($1, ${PROFILE_KEYS.map((_key, index) => `$${index + 2}`).join(', ')})`,
      [userId, ...PROFILE_KEYS.map((key) => profile[key])],
    );
  }

  /** Replaces the applicant's profile; undefined when they have none. */
  async updateProfile(userId: string, dto: ApplicantProfileDto): Promise<ApplicantProfileRow | undefined> {
    const [updated] = await queryRows(
      this.dataSource.manager,
      APPLICANT_PROFILE_ROW_FIELDS,
      `UPDATE applicant_profiles p SET ${PROFILE_KEYS.map((key, index) => `${APPLICANT_PROFILE_FIELDS[key]} = $${index + 2}`).join(', ')},
         updated_at = now()
       WHERE p.user_id = $1 RETURNING ${APPLICANT_PROFILE_COLUMNS}`,
      [userId, ...PROFILE_KEYS.map((key) => dto[key])],
    );
    return updated;
  }

  /**
   * The account's part of an applicant's erasure: no way to sign in, an address that reaches no
   * one, the profile's names gone (gender, countries and institution type stay for the audit
   * counts). In the caller's transaction.
   */
  async eraseAccount(manager: EntityManager, userId: string, anonymousEmail: string): Promise<void> {
    await this.sessions.endAll(manager, userId, 'erased');
    await manager.query(
      `UPDATE users SET email = $2, password_hash = NULL, deleted_at = now(), updated_at = now() WHERE id = $1`,
      [userId, anonymousEmail],
    );
    await manager.query(
      `UPDATE applicant_profiles SET full_name = '', institution = '', position = '', updated_at = now() WHERE user_id = $1`,
      [userId],
    );
  }

  /** Refuses, naming the field, a country code that is not in the reference data. */
  async assertCountriesExist(fields: Record<string, string>): Promise<void> {
    const codes = [...new Set(Object.values(fields))];
    const rows = (await this.dataSource.query('SELECT code FROM countries WHERE code = ANY($1)', [codes])) as { code: string }[];
    const known = new Set(rows.map((row) => row.code));
    const problems = Object.entries(fields)
      .filter(([, code]) => !known.has(code))
      .map(([field, code]) => `${field} ${code} is not a known country code`);
    if (problems.length > 0) {
      const unknown = Object.entries(fields).filter(([, code]) => !known.has(code)).map(([field]) => field);
      throw new DomainException(IdentityRefusals.UNKNOWN_COUNTRY, problems.join('; '), { fields: unknown });
    }
  }
}
