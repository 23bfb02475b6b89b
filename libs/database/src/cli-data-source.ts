import { DataSource } from 'typeorm';
import { loadConfig } from '@trta/config';
import { dataSourceOptions } from './data-source-options';

/**
 * The DataSource the TypeORM CLI reads (`npm run migration:generate`): `DATABASE_URL`, or the
 * local server. To generate against the embedded server, start the product once and set
 * DATABASE_URL to the URL it prints.
 */
const config = loadConfig();
export default new DataSource(
  dataSourceOptions(
    config.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${config.POSTGRES_LOCAL_PORT}/${config.DATABASE_NAME}`,
  ),
);
