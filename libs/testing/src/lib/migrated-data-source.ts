import { DataSource, type DataSourceOptions } from 'typeorm';
import { createTestDatabase } from './test-database';

type Migrations = NonNullable<DataSourceOptions['migrations']>;
type Entities = NonNullable<DataSourceOptions['entities']>;

export interface MigrationTestDatabase {
  /**
   * A data source on the database with `migrations` run (those run already are skipped): a
   * migration's spec runs the ones before it, writes rows as they were, then runs it. Destroy it when done.
   */
  migrate(migrations: Migrations, entities?: Entities): Promise<DataSource>;
  drop(): Promise<void>;
}

/** A database of its own holding an empty `schema`, to be migrated one step or many at a time. */
export async function migrationTestDatabase(schema: string): Promise<MigrationTestDatabase> {
  const db = await createTestDatabase();
  const admin = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.destroy();
  return {
    migrate: async (migrations, entities) => {
      const dataSource = await new DataSource({ type: 'postgres', url: db.url, schema, migrations, ...(entities ? { entities } : {}), migrationsTableName: 'migrations' }).initialize();
      await dataSource.runMigrations();
      return dataSource;
    },
    drop: () => db.drop(),
  };
}

export interface MigratedDataSource {
  dataSource: DataSource;
  /** Closes the data source and drops its database. */
  close(): Promise<void>;
}

/**
 * A database of its own holding `schema`, migrated by `migrations`, with a TypeORM data source on
 * it: the start of an integration spec of a service's use cases or repositories.
 */
export async function migratedDataSource(options: { schema: string; migrations: Migrations; entities?: Entities }): Promise<MigratedDataSource> {
  const db = await migrationTestDatabase(options.schema);
  const dataSource = await db.migrate(options.migrations, options.entities);
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
