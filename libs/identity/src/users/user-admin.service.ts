import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { historyPage, DomainException, type Page, type Role } from '@trta/http';
import { NotificationsService } from '@trta/notifications';
import { AccountService } from '../account/account.service';
import { IdentityRefusals } from '../identity.refusals';
import { SessionsService } from '../sessions/sessions.service';
import { recordUserChange } from './user-history';
import { allowedUserActions, type UserAction } from './users.policy';
import { ChangeUserDto, ListUsersQueryDto, ManagedUserView, UserHistoryView } from './users.dto';
import { UsersService } from './users.service';

interface Target {
  id: string;
  email: string;
  role: Role;
  country: string | null;
  disabled: boolean;
  hasPassword: boolean;
}

/**
 * User management for admins: find people, disable and enable accounts, change a role or a focal
 * point's country, send a reset link. Each change ends the person's sessions (what they may do
 * changed) and goes into the account's history with who and when.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly account: AccountService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(query: ListUsersQueryDto, adminId: string): Promise<Page<ManagedUserView>> {
    const page = await this.users.list(query);
    const ids = page.items.map((user) => user.id);
    const extra = (await this.dataSource.query(
      `SELECT u.id, u.password_hash IS NOT NULL AS "hasPassword", p.full_name AS "fullName"
       FROM users u LEFT JOIN applicant_profiles p ON p.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; hasPassword: boolean; fullName: string | null }[];
    const byId = new Map(extra.map((row) => [row.id, row]));
    return {
      ...page,
      items: page.items.map((user) => {
        const more = byId.get(user.id);
        return {
          ...user,
          fullName: more?.fullName ?? null,
          allowedActions: allowedUserActions({ ...user, hasPassword: more?.hasPassword ?? false }, adminId),
        };
      }),
    };
  }

  async get(id: string, adminId: string): Promise<ManagedUserView> {
    const view = await this.users.findView(id);
    const [more] = (await this.dataSource.query(`SELECT password_hash IS NOT NULL AS "hasPassword" FROM users WHERE id = $1`, [id])) as { hasPassword: boolean }[];
    const { profile, ...user } = view;
    return { ...user, fullName: profile?.fullName ?? null, allowedActions: allowedUserActions({ ...user, hasPassword: more.hasPassword }, adminId) };
  }

  async setDisabled(id: string, disabled: boolean, adminId: string): Promise<ManagedUserView> {
    await this.dataSource.transaction(async (manager) => {
      const target = await this.lock(manager, id, adminId, disabled ? 'disable' : 'enable');
      if (target.disabled === disabled) return;
      await manager.query(`UPDATE users SET disabled_at = ${disabled ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`, [id]);
      if (disabled) await this.sessions.endAll(manager, id, 'disabled');
      await recordUserChange(manager, id, adminId, disabled ? 'disabled' : 'enabled');
    });
    this.sessions.forget(id);
    return this.get(id, adminId);
  }

  async change(id: string, dto: ChangeUserDto, adminId: string): Promise<ManagedUserView> {
    await this.dataSource.transaction(async (manager) => {
      const target = await this.lock(manager, id, adminId, dto.role !== undefined ? 'changeRole' : 'changeCountry');
      const role = dto.role ?? target.role;
      const country = role === 'focal_point' ? (dto.country ?? (target.role === 'focal_point' ? target.country : null)) : null;
      if (dto.country !== undefined && role !== 'focal_point') {
        throw new DomainException(IdentityRefusals.FOCAL_POINT_COUNTRY_REQUIRED, 'Only a focal point acts for a country', { role });
      }
      if (role === 'focal_point' && !country) {
        throw new DomainException(IdentityRefusals.FOCAL_POINT_COUNTRY_REQUIRED, 'A focal point needs the country they act for', { role });
      }
      if (country) await this.users.assertCountriesExist({ country });
      if (role === target.role && country === target.country) return;
      await manager.query(`UPDATE users SET role = $2, country = $3, updated_at = now() WHERE id = $1`, [id, role, country]);
      if (role !== target.role) {
        await this.sessions.endAll(manager, id, 'role_changed');
        await recordUserChange(manager, id, adminId, 'role_changed', { role: { from: target.role, to: role } });
      }
      if (country !== target.country) {
        if (role === target.role) await this.sessions.endAll(manager, id, 'country_changed');
        await recordUserChange(manager, id, adminId, 'country_changed', { country: { from: target.country, to: country } });
      }
    });
    this.sessions.forget(id);
    return this.get(id, adminId);
  }

  async sendReset(id: string, adminId: string): Promise<ManagedUserView> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const target = await this.lock(manager, id, adminId, 'sendReset');
      return [await this.account.sendResetByAdmin(manager, id, target.email, adminId)];
    });
    await this.notifications.dispatch(ids);
    return this.get(id, adminId);
  }

  async history(id: string, query: { cursor?: string; limit: number }): Promise<Page<UserHistoryView>> {
    await this.users.findView(id);
    return historyPage<UserHistoryView>(this.dataSource.manager, { table: 'user_history', keyColumn: 'account_id', id, cursor: query.cursor, limit: query.limit });
  }

  private async lock(manager: EntityManager, id: string, adminId: string, action: UserAction): Promise<Target> {
    const [target] = (await manager.query(
      `SELECT id, email, role, country, disabled_at IS NOT NULL AS disabled, password_hash IS NOT NULL AS "hasPassword"
       FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [id],
    )) as Target[];
    if (!target) throw new DomainException(IdentityRefusals.USER_NOT_FOUND, `User ${id} not found`, { userId: id });
    if (id === adminId) throw new DomainException(IdentityRefusals.OWN_ACCOUNT_CHANGE, 'Admins do not change their own account here', { action });
    if (action === 'sendReset' && !allowedUserActions(target, adminId).includes('sendReset')) {
      throw new DomainException(IdentityRefusals.ACCOUNT_DISABLED, 'A reset link goes only to an enabled account with a password', { action });
    }
    return target;
  }
}
