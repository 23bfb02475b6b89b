import { createTestDatabase } from './support/test-app';
import { runBuilt } from './support/processes';
import { Client } from 'pg';

describe('npm run seed:demo', () => {
  it('loads a two-year plan of about 300 activities a year with sheets, once', async () => {
    const database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    try {
      const first = runBuilt('libs/demo/src/seed-demo.cli.js', { DATABASE_URL: database.url });
      expect(await first.exited()).toBe(0);
      expect(first.output()).toContain('demo plan 2026-2027 loaded: 600 activities');
      // One clock: the statuses are checked against the date the seed used (UTC), compared as
      // dates, not against the database's current_date (another time zone, or past midnight).
      const asOf = /statuses as of (\d{4}-\d{2}-\d{2})/.exec(first.output())?.[1];
      expect(asOf).toBeDefined();

      await client.connect();
      const { rows: [plan] } = await client.query("SELECT status, (SELECT count(*)::int FROM products p WHERE p.plan_id = t.id) AS products FROM ta_plans t WHERE code = '2026-2027'");
      expect(plan).toEqual({ status: 'adopted', products: 10 });
      const { rows: byYear } = await client.query(
        "SELECT substr(code, 4, 4) AS year, count(*)::int AS n FROM activities GROUP BY 1 ORDER BY 1",
      );
      expect(byYear).toEqual([{ year: '2026', n: 300 }, { year: '2027', n: 300 }]);
      const { rows: spread } = await client.query(
        `SELECT count(DISTINCT status)::int AS statuses, count(DISTINCT delivery_mode)::int AS modes,
                count(DISTINCT region)::int AS regions, count(DISTINCT type)::int AS types,
                count(*) FILTER (WHERE status = 'open' AND (sheet_published_at IS NULL OR application_deadline <= $1::date))::int AS bad_open,
                count(*) FILTER (WHERE status = 'delivered' AND end_date >= $1::date)::int AS bad_delivered,
                (SELECT count(*)::int FROM activity_sheets) AS sheets
         FROM activities`,
        [asOf],
      );
      expect(spread[0]).toMatchObject({ modes: 4, regions: 6, types: 3, bad_open: 0, bad_delivered: 0 });
      expect(spread[0].statuses).toBeGreaterThanOrEqual(5);
      expect(spread[0].sheets).toBeGreaterThan(200);

      expect(first.output()).toMatch(/demo people loaded: 408 accounts \(password demo-password-2026\) and \d+ applications/);
      const { rows: statuses } = await client.query('SELECT DISTINCT status FROM applications ORDER BY status');
      expect(statuses.map((row: { status: string }) => row.status)).toEqual(
        ['attended', 'completed', 'declined', 'endorsed', 'no_show', 'rejected', 'selected', 'submitted', 'waitlisted', 'withdrawn'],
      );
      const { rows: [checks] } = await client.query(
        `SELECT (SELECT count(*)::int FROM activities WHERE seats_taken > capacity) AS over_capacity,
                (SELECT count(*)::int FROM evaluations) AS evaluations,
                (SELECT count(*)::int FROM back_to_office_reports) AS reports,
                (SELECT count(*)::int FROM users WHERE role = 'focal_point') AS focal_points`,
      );
      expect(checks.over_capacity).toBe(0);
      expect(checks.evaluations).toBeGreaterThan(100);
      expect(checks.reports).toBeGreaterThan(100);
      expect(checks.focal_points).toBe(6);
      const second = runBuilt('libs/demo/src/seed-demo.cli.js', { DATABASE_URL: database.url });
      expect(await second.exited()).toBe(0);
      expect(second.output()).toContain('already present (600 activities)');
      expect(second.output()).toContain('demo people already present (408 accounts');
    } finally {
      await client.end().catch(() => undefined);
      await database.drop();
    }
  });
});
