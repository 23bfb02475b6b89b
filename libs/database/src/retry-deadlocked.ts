import { pgError } from './pg-errors';

/** deadlock_detected: PostgreSQL aborted this transaction to let another one go on. */
const DEADLOCK_DETECTED = '40P01';

/**
 * Runs a whole transaction again when PostgreSQL aborted it as the victim of a deadlock (up to
 * `attempts` runs in all): the transaction was rolled back, so running it again is safe, and the
 * second run sees what the other transaction committed. Two concurrent inserts that break an
 * exclusion constraint (ta_plans' periods) can each wait for the other, as PostgreSQL's
 * execIndexing.c explains; the victim's second run then gets the constraint's own error, which
 * the caller turns into its refusal. `run` must open (and so roll back) its own transaction.
 */
export async function retryDeadlocked<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || pgError(error)?.code !== DEADLOCK_DETECTED) throw error;
    }
  }
}
