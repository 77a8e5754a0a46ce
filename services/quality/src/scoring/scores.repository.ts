import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContactScore } from './domain/contact-score';
import { ScoreEntity } from './score.entity';

/** A kept score with when it was computed. */
export type StoredScore = ContactScore & { scoredAt: Date };

/** Why a contact's transcript was not scored. */
export type UnscoredReason = 'no-segments';

/** A transcript recorded as not scored, and why. */
export interface UnscoredTranscript {
  tenantId: string;
  contactId: string;
  reason: UnscoredReason;
  transcriptTime: Date;
}

const key = (tenantId: string, contactId: string) => JSON.stringify([tenantId, contactId]);

/** Where contacts' scores are kept. */
@Injectable()
export class ScoresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes each contact's score in one statement (at most one per contact), replacing a score from
   * an earlier or the same transcript time and keeping one from a later time. Answers the keys written.
   */
  async replaceMany(manager: EntityManager, scores: readonly ContactScore[]): Promise<Set<string>> {
    if (scores.length === 0) return new Set();
    const rows: { tenant_id: string; contact_id: string }[] = await manager.query(
      `INSERT INTO quality.scores (tenant_id, contact_id, agent_id, score, deductions, standard_id, standard_version, rules_version, transcript_time, scored_at)
       SELECT s.*, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
         AS s ORDER BY 1, 2
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET agent_id = excluded.agent_id, score = excluded.score, deductions = excluded.deductions,
         standard_id = excluded.standard_id, standard_version = excluded.standard_version, rules_version = excluded.rules_version,
         transcript_time = excluded.transcript_time, scored_at = excluded.scored_at
       WHERE scores.transcript_time <= excluded.transcript_time
       RETURNING tenant_id, contact_id`,
      [
        scores.map((s) => s.tenantId),
        scores.map((s) => s.contactId),
        scores.map((s) => s.agentId ?? null),
        scores.map((s) => s.score),
        scores.map((s) => JSON.stringify(s.deductions)),
        scores.map((s) => s.standardId),
        scores.map((s) => s.standardVersion),
        scores.map((s) => s.rulesVersion),
        scores.map((s) => s.transcriptTime.toISOString()),
      ],
    );
    return new Set(rows.map((row) => key(row.tenant_id, row.contact_id)));
  }

  async find(tenantId: string, contactId: string): Promise<StoredScore | null> {
    const row = await this.dataSource.getRepository(ScoreEntity).findOneBy({ tenantId, contactId });
    if (row === null) return null;
    const { agentId, ...rest } = row;
    return { ...rest, ...(agentId === null ? {} : { agentId }) };
  }

  /** Records transcripts that were not scored (at most one per contact; a later transcript's reason replaces an earlier one's). */
  async recordUnscoredMany(manager: EntityManager, unscored: readonly UnscoredTranscript[]): Promise<void> {
    if (unscored.length === 0) return;
    await manager.query(
      `INSERT INTO quality.unscored_transcripts (tenant_id, contact_id, reason, transcript_time)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) ORDER BY 1, 2
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET reason = excluded.reason, transcript_time = excluded.transcript_time, recorded_at = now()
       WHERE unscored_transcripts.transcript_time <= excluded.transcript_time`,
      [unscored.map((u) => u.tenantId), unscored.map((u) => u.contactId), unscored.map((u) => u.reason), unscored.map((u) => u.transcriptTime.toISOString())],
    );
  }

  async findUnscored(tenantId: string, contactId: string): Promise<UnscoredTranscript | null> {
    const [row]: { reason: UnscoredReason; transcript_time: Date }[] = await this.dataSource.query(
      `SELECT reason, transcript_time FROM quality.unscored_transcripts WHERE tenant_id = $1 AND contact_id = $2`,
      [tenantId, contactId],
    );
    return row ? { tenantId, contactId, reason: row.reason, transcriptTime: new Date(row.transcript_time) } : null;
  }

  static keyOf(score: Pick<ContactScore, 'tenantId' | 'contactId'>): string {
    return key(score.tenantId, score.contactId);
  }
}
