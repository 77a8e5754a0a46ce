import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transcripts that could not be scored and why (today: no segments), per contact, so
 * `GET /v1/scores/:contactId` can say so instead of answering as if nothing had arrived.
 */
export class UnscoredTranscripts1797400000000 implements MigrationInterface {
  name = 'UnscoredTranscripts1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.unscored_transcripts (
        tenant_id text NOT NULL,
        contact_id text NOT NULL,
        reason text NOT NULL,
        transcript_time timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality.unscored_transcripts`);
  }
}
