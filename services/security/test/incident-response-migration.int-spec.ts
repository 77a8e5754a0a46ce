import { migrationTestDatabase, type MigrationTestDatabase } from '@hotline/testing';
import { IncidentResponse1796900000000 } from '../src/database/migrations/1796900000000-incident-response';
import { migrationsBefore } from '../src/database/security-migrations';

const BEFORE = migrationsBefore(IncidentResponse1796900000000);
const MIGRATIONS = [...BEFORE, IncidentResponse1796900000000];

/** Incidents closed before the response migration keep their review, as the summary of a structured one; the migration goes down again. */
describe('security: the incident response migration over existing incidents (real PostgreSQL)', () => {
  let db: MigrationTestDatabase;

  beforeAll(async () => {
    db = await migrationTestDatabase('security');
  });

  afterAll(() => db?.drop());

  it('turns a text review into {summary, rootCause, actions}, starts every incident at escalation level 0, and reverts', async () => {
    const before = await db.migrate(BEFORE);
    const insert = `INSERT INTO security.incidents (tenant_id, id, type, severity, state, summary, dedup_key, plan_id, plan_version, opened_at, last_detected_at, detections, review, updated_at)
      VALUES ('acme', $1, 'brute_force', 'P3', $2, 's', 'k', 'plan-brute-force', '1', now(), now(), 1, $3, now())`;
    await before.query(insert, ['00000000-0000-4000-8000-000000000001', 'closed', 'Leaked test key; rotated.']);
    await before.query(insert, ['00000000-0000-4000-8000-000000000002', 'open', null]);
    await before.destroy();

    const after = await db.migrate(MIGRATIONS);
    expect(await after.query(`SELECT state, review, escalation_level FROM security.incidents ORDER BY id`)).toEqual([
      { state: 'closed', review: { summary: 'Leaked test key; rotated.', rootCause: '', actions: [] }, escalation_level: 0 },
      { state: 'open', review: null, escalation_level: 0 },
    ]);
    await after.undoLastMigration();
    expect(await after.query(`SELECT review FROM security.incidents ORDER BY id`)).toEqual([{ review: 'Leaked test key; rotated.' }, { review: null }]);
    await after.destroy();
  });
});
