import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts staff create for participants they register (DESIGN section 3: "the person can claim
 * it later"). Only a SHA-256 hash of the claim token is kept, so a copy of the database does not
 * let anyone take over an unclaimed account; the token itself travels once, in the email.
 */
export class Participation1763900000010 implements MigrationInterface {
  name = 'Participation1763900000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE account_claims (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        expires_at timestamptz NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX account_claims_expires_idx ON account_claims (expires_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE account_claims');
  }
}
