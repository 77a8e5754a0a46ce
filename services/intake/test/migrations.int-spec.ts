import type { DataSource } from 'typeorm';
import { migrationTestDatabase, type MigrationTestDatabase } from '@hotline/testing';
import { INTAKE_MIGRATIONS } from '../src/database/migrations';
import { KeyEventsBySource1795991874000 } from '../src/database/migrations/1795991874000-key-events-by-source';

/** Intake's later migrations run over a database that already holds events, and keep them. */
describe('intake migrations over existing events (real PostgreSQL)', () => {
  let db: MigrationTestDatabase;
  let dataSource: DataSource;

  const migrated = (upTo: number): Promise<DataSource> => db.migrate(INTAKE_MIGRATIONS.slice(0, upTo));
  const insertEvent = (source: string, id: string) =>
    dataSource.query(
      `INSERT INTO intake.events (tenant_id, event_id, type, source, occurred_at, payload) VALUES ('acme', $1, 'contact.queued', $2, now(), '{}')`,
      [id, source],
    );

  beforeAll(async () => {
    db = await migrationTestDatabase('intake');
    dataSource = await migrated(INTAKE_MIGRATIONS.indexOf(KeyEventsBySource1795991874000));
    await insertEvent('/pbx-a', 'old-1');
    await expect(insertEvent('/pbx-b', 'old-1')).rejects.toThrow(/duplicate key/);
    await dataSource.destroy();
    dataSource = await migrated(INTAKE_MIGRATIONS.length);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('keys events by tenant, source and id, keeping the rows stored before (without a content hash)', async () => {
    expect(await dataSource.query(`SELECT source, event_id, content_hash FROM intake.events`)).toEqual([{ source: '/pbx-a', event_id: 'old-1', content_hash: null }]);
    await insertEvent('/pbx-b', 'old-1');
    await expect(insertEvent('/pbx-a', 'old-1')).rejects.toThrow(/duplicate key/);
  });
});
