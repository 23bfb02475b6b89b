// bench:api's yardstick: a bare Fastify + pg server answering GET /api/activities with the SQL the
// API runs (activitySearchStatement, built from the same query) and the same page shaping
// (activitySearchPage), with no framework around it: no guard, validation pipe, logger or ORM.
// PREPARE=true prepares the statement once per connection, as the API's readRows does (the
// stricter yardstick: what the framework adds, planning aside); without it the statement is planned
// on every request, as in the yardstick. Reads only the parameters the bench sends,
// unvalidated. Env: DATABASE_URL, PORT, POOL_SIZE, PREPARE.
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const Fastify = require('fastify');
const { Pool } = require('pg');

const dist = (path) => join(__dirname, '../..', 'dist', path);
const { activitySearchStatement, activitySearchPage } = require(dist('libs/activities/src/search/activity-search.service'));

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 20) });
const app = Fastify();
const list = (value) => (value === undefined ? undefined : String(value).split(','));
const user = { role: 'admin' };
const prepare = process.env.PREPARE === 'true';
const names = new Map();
/** A statement's name, hashed once per text as readRows does: no hashing per request. */
const statementName = (sql) => names.get(sql) ?? names.set(sql, createHash('sha1').update(sql).digest('base64url')).get(sql);

app.get('/api/activities', async (request) => {
  const q = request.query;
  const query = { status: list(q.status), type: list(q.type), from: q.from, to: q.to, sort: q.sort, limit: Number(q.limit ?? 50), cursor: q.cursor };
  const statement = activitySearchStatement(query);
  const name = prepare ? statementName(statement.sql) : undefined;
  const { rows } = await pool.query({ name, text: statement.sql, values: statement.params });
  return activitySearchPage(rows, query.limit, statement.sort, user);
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
