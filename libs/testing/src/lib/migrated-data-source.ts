import { DataSource, type DataSourceOptions } from 'typeorm';
import { createTestDatabase } from './test-database';

export interface MigratedDataSource {
  dataSource: DataSource;
  /** Closes the data source and drops its database. */
  close(): Promise<void>;
}

/**
 * A database of its own holding `schema`, migrated by `migrations`, with a TypeORM data source on
 * it: the start of an integration spec of a service's use cases or repositories.
 */
export async function migratedDataSource(options: {
  schema: string;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  entities?: NonNullable<DataSourceOptions['entities']>;
}): Promise<MigratedDataSource> {
  const db = await createTestDatabase();
  const admin = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  await admin.query(`CREATE SCHEMA "${options.schema}"`);
  await admin.destroy();
  const dataSource = await new DataSource({ type: 'postgres', url: db.url, ...options }).initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
