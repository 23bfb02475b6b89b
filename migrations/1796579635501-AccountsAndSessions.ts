import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an institute can trust (issue 13): sessions that can be ended, email verification and
 * password reset tokens (hashed), disabled accounts and the history of every change an admin makes.
 * Ending a session, or changing what a session trusts about its user, notifies `trta_sessions`
 * so every API process drops what it remembers of that user's sessions at once.
 */
export class AccountsAndSessions1796579635501 implements MigrationInterface {
  name = 'AccountsAndSessions1796579635501';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN disabled_at timestamptz;
      -- Accounts that existed before verification was asked for keep working as they did.
      UPDATE users SET email_verified_at = created_at;

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_reason text CHECK (ended_reason IN ('sign_out', 'password_changed', 'password_reset', 'disabled',
          'role_changed', 'country_changed', 'erased', 'taken_over')),
        CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
      );
      CREATE INDEX sessions_user_open_idx ON sessions (user_id) WHERE ended_at IS NULL;
      CREATE INDEX sessions_expires_idx ON sessions (expires_at);

      CREATE TABLE account_tokens (
        token_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

      -- Every change an admin (or the person) made to an account: who (user_id) and when (at).
      CREATE TABLE user_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL CHECK (action IN ('created', 'disabled', 'enabled', 'role_changed', 'country_changed',
          'reset_sent', 'password_changed', 'password_reset', 'email_verified')),
        changes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(changes) = 'object'),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX user_history_account_idx ON user_history (account_id, id);

      CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('trta_sessions', NEW.user_id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER sessions_ended_notify AFTER UPDATE OF ended_at ON sessions
        FOR EACH ROW WHEN (NEW.ended_at IS NOT NULL AND OLD.ended_at IS NULL) EXECUTE FUNCTION notify_session_change();

      CREATE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('trta_sessions', NEW.id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER users_session_facts_notify AFTER UPDATE ON users
        FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.country IS DISTINCT FROM NEW.country
          OR OLD.email IS DISTINCT FROM NEW.email OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at
          OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.email_verified_at IS DISTINCT FROM NEW.email_verified_at)
        EXECUTE FUNCTION notify_user_change();

      CREATE INDEX users_email_search_idx ON users (lower(email) text_pattern_ops);
      CREATE INDEX stored_files_uploaded_by_idx ON stored_files (uploaded_by, created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX stored_files_uploaded_by_idx;
      DROP INDEX users_email_search_idx;
      DROP TRIGGER users_session_facts_notify ON users;
      DROP FUNCTION notify_user_change();
      DROP TABLE user_history, account_tokens, sessions;
      DROP FUNCTION notify_session_change();
      ALTER TABLE users DROP COLUMN disabled_at, DROP COLUMN email_verified_at;
    `);
  }
}
