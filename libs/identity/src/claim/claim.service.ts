import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { returnedRows } from '@trta/database';
import { DomainException } from '@trta/http';
import { assertStrongPassword } from '../auth/password-policy';
import { IdentityRefusals } from '../identity.refusals';
import { UsersService } from '../users/users.service';
import { USER_RETURNING } from '../users/user-columns';
import { UserView } from '../users/users.dto';
import { ClaimAccountDto } from './claim.dto';
import { hashClaimToken } from './claim-tokens';

interface PendingClaim {
  userId: string;
  tokenHash: Buffer;
  expired: boolean;
}

/** Sets the password of an account staff created, once, for whoever holds its claim token. */
@Injectable()
export class ClaimService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(dto: ClaimAccountDto): Promise<UserView> {
    assertStrongPassword(dto.password, [dto.email]);
    const passwordHash = await UsersService.hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const [pending] = (await manager.query(
        `SELECT c.user_id AS "userId", c.token_hash AS "tokenHash", c.expires_at <= now() AS expired
         FROM account_claims c JOIN users u ON u.id = c.user_id
         WHERE lower(u.email) = lower($1) AND u.password_hash IS NULL AND u.deleted_at IS NULL
         FOR UPDATE OF c`,
        [dto.email],
      )) as PendingClaim[];
      // One answer for an unknown email, a claimed account and a wrong token: none of them tells which accounts exist.
      if (!pending || !timingSafeEqual(pending.tokenHash, hashClaimToken(dto.token))) {
        throw new DomainException(IdentityRefusals.CLAIM_TOKEN_INVALID, 'the email and claim token do not match an account waiting to be claimed');
      }
      if (pending.expired) {
        throw new DomainException(IdentityRefusals.CLAIM_TOKEN_EXPIRED, 'the claim token has expired; ask the secretariat for a new one');
      }
      const [user] = returnedRows<UserView>(
        await manager.query(
          `UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
           WHERE id = $1 AND password_hash IS NULL
           RETURNING ${USER_RETURNING}`,
          [pending.userId, passwordHash],
        ),
      );
      await manager.query('DELETE FROM account_claims WHERE user_id = $1', [pending.userId]);
      return user;
    });
  }
}
