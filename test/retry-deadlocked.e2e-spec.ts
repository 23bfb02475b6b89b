import { DataSource, EntityManager } from 'typeorm';
import { pgError, retryDeadlocked } from '@trta/database';
import { testInfrastructure } from './support/test-app';

/**
 * retryDeadlocked on real PostgreSQL: two transactions take two advisory locks in opposite
 * orders, a true deadlock, and PostgreSQL aborts one of them (after deadlock_timeout, 1 s).
 */
describe('retryDeadlocked', () => {
  let dataSource: DataSource;
  const keys = [7_160_001, 7_160_002];

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: testInfrastructure().databaseUrl, extra: { max: 4 } }).initialize();
  });
  afterAll(() => dataSource?.destroy());

  /** Two transactions that deadlock on their first run; each counts its runs and says who it is. */
  function deadlockingPair() {
    const runs = [0, 0];
    let bothHoldTheirFirstLock: () => void;
    const firstLocksTaken = new Promise<void>((resolve) => (bothHoldTheirFirstLock = resolve));
    let holding = 0;
    const transaction = (index: number) => () =>
      dataSource.transaction(async (manager: EntityManager) => {
        runs[index]++;
        const [first, second] = index === 0 ? keys : [...keys].reverse();
        await manager.query('SELECT pg_advisory_xact_lock($1)', [first]);
        if (runs[index] === 1) {
          if (++holding === 2) bothHoldTheirFirstLock();
          await firstLocksTaken;
        }
        await manager.query('SELECT pg_advisory_xact_lock($1)', [second]);
        return index;
      });
    return { runs, transactions: [transaction(0), transaction(1)] };
  }

  it('runs the deadlock’s victim again, so both transactions commit', async () => {
    const { runs, transactions } = deadlockingPair();
    expect(await Promise.all(transactions.map((run) => retryDeadlocked(run)))).toEqual([0, 1]);
    expect([...runs].sort()).toEqual([1, 2]);
  });

  it('without it, PostgreSQL aborts one of the two with deadlock_detected (the case it absorbs)', async () => {
    const { transactions } = deadlockingPair();
    const results = await Promise.allSettled(transactions.map((run) => run()));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(pgError(failure.reason)?.code).toBe('40P01');
  });

  it('gives up after the attempts it is given, and rethrows any other error at once', async () => {
    let runs = 0;
    const deadlocked = Object.assign(new Error('deadlock detected'), { driverError: { code: '40P01' } });
    await expect(retryDeadlocked(async () => { runs++; throw deadlocked; }, 3)).rejects.toBe(deadlocked);
    expect(runs).toBe(3);

    runs = 0;
    const other = Object.assign(new Error('duplicate'), { driverError: { code: '23505' } });
    await expect(retryDeadlocked(async () => { runs++; throw other; })).rejects.toBe(other);
    expect(runs).toBe(1);
  });
});
