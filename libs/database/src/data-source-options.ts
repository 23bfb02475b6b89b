import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { projectRoot } from '@trta/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one set of TypeORM options, shared by the API, the worker, the CLI and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  const root = projectRoot();
  // From sources (tests) the files are .ts; from the build they are .js under dist/.
  const compiled = __filename.endsWith('.js');
  const base = compiled ? join(root, 'dist') : root;
  const ext = compiled ? 'js' : 'ts';
  return {
    type: 'postgres',
    url,
    entities: [join(base, `libs/*/src/**/*.entity.${ext}`)],
    migrations: [join(base, `migrations/[0-9]*-*.${ext}`)],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: { max: 20 },
  };
}
