import { migrationTestDatabase, type MigrationTestDatabase } from '@hotline/testing';
import { ResponsePlans1797500000000 } from '../src/database/migrations/1797500000000-response-plans';
import { migrationsBefore } from '../src/database/security-migrations';

const BEFORE = migrationsBefore(ResponsePlans1797500000000);

/** The steps of incidents opened before tenants' plans follow no other step; the migration goes down again. */
describe('security: the response plans migration over existing incident steps (real PostgreSQL)', () => {
  let db: MigrationTestDatabase;

  beforeAll(async () => {
    db = await migrationTestDatabase('security');
  });

  afterAll(() => db?.drop());

  it('gives existing steps an empty `after`, adds the plans table, and reverts', async () => {
    const before = await db.migrate(BEFORE);
    await before.query(`INSERT INTO security.incidents (tenant_id, id, type, severity, state, summary, dedup_key, plan_id, plan_version, opened_at, last_detected_at, detections, updated_at)
      VALUES ('acme', '00000000-0000-4000-8000-000000000001', 'brute_force', 'P3', 'open', 's', 'k', 'plan-brute-force', '1', now(), now(), 1, now())`);
    await before.query(`INSERT INTO security.incident_steps (tenant_id, incident_id, step_id, position, title, owner_role, due_at)
      VALUES ('acme', '00000000-0000-4000-8000-000000000001', 'triage', 1, 'Triage', 'security', now())`);
    await before.destroy();

    const after = await db.migrate([...BEFORE, ResponsePlans1797500000000]);
    expect(await after.query(`SELECT step_id, after_steps FROM security.incident_steps`)).toEqual([{ step_id: 'triage', after_steps: [] }]);
    expect(await after.query(`SELECT count(*)::int AS n FROM security.response_plans`)).toEqual([{ n: 0 }]);
    await after.undoLastMigration();
    expect(await after.query(`SELECT to_regclass('security.response_plans') AS plans`)).toEqual([{ plans: null }]);
    expect(await after.query(`SELECT step_id FROM security.incident_steps`)).toEqual([{ step_id: 'triage' }]);
    await after.destroy();
  });
});
