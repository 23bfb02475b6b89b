import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trta/config';
import { UsersService } from './users.service';

export const DEFAULT_ADMIN_EMAIL = 'admin@trta.local';

/**
 * The first start creates an admin: from ADMIN_EMAIL / ADMIN_PASSWORD, or with a generated
 * password printed once. An advisory lock keeps two replicas starting together from both doing it.
 */
@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async ensureAdmin(): Promise<{ created: boolean; email?: string; generatedPassword?: string }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('trta:first-admin'))");
      if ((await this.users.countAdmins(manager)) > 0) return { created: false };
      const email = this.config.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
      const generatedPassword = this.config.ADMIN_PASSWORD ? undefined : randomBytes(12).toString('base64url');
      const password = this.config.ADMIN_PASSWORD ?? (generatedPassword as string);
      await this.users.insertUser(manager, {
        email,
        passwordHash: await UsersService.hashPassword(password),
        role: 'admin',
        country: null,
        locale: 'en',
      });
      if (generatedPassword) {
        // Printed once, on purpose: it is the only way to the first sign-in when none was configured.
        process.stdout.write(
          `\n  First admin created: ${email} / ${generatedPassword}\n  Sign in and create staff accounts; this password is not shown again.\n\n`,
        );
      } else {
        this.logger.log(`First admin created: ${email}`);
      }
      return { created: true, email, generatedPassword };
    });
  }
}
