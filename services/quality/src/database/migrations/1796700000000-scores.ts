import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each contact's etiquette score (MANUAL ch. 3): the latest transcript's score, its itemised
 * deductions and the standards version applied. `transcript_time` is the transcript event's time,
 * so a re-sent transcript replaces the score and an older one arriving late does not.
 */
export class Scores1796700000000 implements MigrationInterface {
  name = 'Scores1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.scores (
        tenant_id text NOT NULL,
        contact_id text NOT NULL,
        agent_id text,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        deductions jsonb NOT NULL,
        standard_id text NOT NULL,
        standard_version text NOT NULL,
        rules_version text NOT NULL,
        transcript_time timestamptz NOT NULL,
        scored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality.scores`);
  }
}
