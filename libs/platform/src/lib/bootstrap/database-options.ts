import type { TypeOrmModuleAsyncOptions, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { PlatformConfig } from '../config/platform-config';

export interface DatabaseOptions {
  /** The service's own schema; entities without an explicit schema live there, and so does its migrations table. */
  schema: string;
  /** Listed explicitly: services are bundled by webpack, where TypeORM's glob discovery finds nothing. */
  entities: Array<new () => object>;
  migrations: Array<new () => MigrationInterface>;
}

/** Options for `TypeOrmModule.forRootAsync`: the service's schema in DATABASE_URL, migrated at start. */
export function databaseOptions({ schema, entities, migrations }: DatabaseOptions): TypeOrmModuleAsyncOptions {
  return {
    inject: [PlatformConfig],
    useFactory: (config: PlatformConfig): TypeOrmModuleOptions => ({
      type: 'postgres',
      url: config.databaseUrl,
      applicationName: config.service,
      schema,
      entities,
      migrations,
      migrationsTableName: 'migrations',
      // Run by dataSourceFactory below, once the schema exists.
      migrationsRun: false,
      synchronize: false,
      // TypeORM's own logger prints a failed statement's parameters (event payloads): errors reach
      // the logs through the platform's pino serializer only, which leaves the values out.
      logging: false,
      // Fail fast when PostgreSQL is unreachable, so a request gets its 503 instead of hanging.
      extra: { connectionTimeoutMillis: 5_000 },
    }),
    dataSourceFactory: (options) => initializeAndMigrate(options as DataSourceOptions, schema),
  };
}

async function initializeAndMigrate(options: DataSourceOptions, schema: string): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  try {
    await migrate(dataSource, schema);
    return dataSource;
  } catch (error) {
    // TypeOrmModule retries with a new DataSource: this one's pool must not linger.
    await dataSource.destroy();
    throw error;
  }
}

/**
 * TypeORM creates `<schema>.migrations` before running the first migration, so the schema must
 * exist first. Replicas starting together take turns through an advisory lock, as TypeORM does not
 * lock migrations on PostgreSQL.
 */
async function migrate(dataSource: DataSource, schema: string): Promise<void> {
  const lock = dataSource.createQueryRunner();
  const lockKey = `hotline:migrations:${schema}`;
  await lock.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
    await dataSource.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    await lock.release();
  }
}
