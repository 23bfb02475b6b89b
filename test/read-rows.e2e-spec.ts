import { DataSource, QueryFailedError } from 'typeorm';
import { PREPARED_STATEMENTS_CAP, readRows } from '@trta/database';
import { testInfrastructure } from './support/test-app';

/**
 * readRows, the busiest lists' way to PostgreSQL (issue 16): each statement prepared once per
 * connection, failures wrapped as TypeORM wraps them, and no more than the cap prepared. One
 * connection, so that what the session has prepared can be read back on it.
 */
describe('readRows', () => {
  let dataSource: DataSource;
  const prepared = async () =>
    (await readRows<{ statement: string }>(dataSource, 'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time', [])).map((row) => row.statement);

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: testInfrastructure().databaseUrl, extra: { max: 1 } }).initialize();
  });
  afterAll(() => dataSource?.destroy());

  it('prepares a statement once on a connection and runs it with each call’s values', async () => {
    const sql = 'SELECT $1::int + 1 AS next';
    expect(await readRows(dataSource, sql, [1])).toEqual([{ next: 2 }]);
    expect(await readRows(dataSource, sql, [41])).toEqual([{ next: 42 }]);
    expect((await prepared()).filter((statement) => statement === sql)).toHaveLength(1);
  });

  it('wraps a failure as TypeORM does, with the driver’s code, and the connection goes on', async () => {
    const sql = 'SELECT 10 / $1::int AS share';
    const failure = await readRows(dataSource, sql, [0]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure).toMatchObject({ query: sql, parameters: [0], driverError: expect.objectContaining({ code: '22012' }) });
    expect(await readRows(dataSource, sql, [5])).toEqual([{ share: 2 }]);
  });

  it(`prepares at most ${PREPARED_STATEMENTS_CAP} statements, then runs the others unprepared`, async () => {
    for (let index = 0; index < PREPARED_STATEMENTS_CAP + 10; index++) {
      expect(await readRows(dataSource, `SELECT ${index}::int AS n`, [])).toEqual([{ n: index }]);
    }
    const statements = await prepared();
    expect(statements.length).toBeLessThanOrEqual(PREPARED_STATEMENTS_CAP);
    expect(statements).not.toContain(`SELECT ${PREPARED_STATEMENTS_CAP + 9}::int AS n`);
  });
});
