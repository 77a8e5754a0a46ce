import { Injectable } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import type { EventBatchTransaction } from '@hotline/messaging';
import { etiquetteRules } from '@hotline/standards';
import { TenantStandards } from '@hotline/tenant-standards';
import { type ContactScore, ETIQUETTE_STANDARD_ID, latestPerContact } from '../domain/contact-score';
import { scoreTranscript } from '../domain/score-transcript';
import { ScoresRepository, type UnscoredTranscript } from '../scores.repository';

type TranscriptEvent = KnownCloudEvent<'transcript.recorded'>;

/**
 * Scores a batch of transcripts against the etiquette rules, weighted, and the tenant's standards in force at
 * each transcript's time, keeps each contact's latest score (one statement) and publishes
 * `contact.scored` for each score written, all in the batch's transaction. A re-sent transcript
 * re-scores and replaces; an older one arriving after a newer is kept out and not published. A
 * transcript with no segments is not scored: it is recorded as such, in the same transaction, so
 * the API can say why the contact has no score.
 */
@Injectable()
export class ScoreTranscripts {
  constructor(
    private readonly scores: ScoresRepository,
    private readonly standards: TenantStandards,
  ) {}

  async execute(tx: EventBatchTransaction, events: readonly TranscriptEvent[]): Promise<void> {
    const scored: (ContactScore & { cause: TranscriptEvent })[] = [];
    const unscored = new Map<string, UnscoredTranscript>();
    for (const event of events) {
      const at = new Date(event.time);
      // No segments, no conversation: nothing to judge, so no score (not one for every missing phrase).
      if (event.data.segments.length === 0) {
        const key = ScoresRepository.keyOf({ tenantId: event.tenantid, contactId: event.data.contactId });
        const seen = unscored.get(key);
        if (!seen || seen.transcriptTime <= at) unscored.set(key, { tenantId: event.tenantid, contactId: event.data.contactId, reason: 'no-segments', transcriptTime: at });
        continue;
      }
      const standards = await this.standards.resolve(event.tenantid, at);
      // The tenant's version may weigh deductions heavier: score and deductions name that version.
      const { score, deductions } = scoreTranscript(event.data, standards, standards.etiquetteRules());
      scored.push({
        cause: event,
        tenantId: event.tenantid,
        contactId: event.data.contactId,
        ...(event.data.agentId === undefined ? {} : { agentId: event.data.agentId }),
        score,
        deductions,
        standardId: ETIQUETTE_STANDARD_ID,
        standardVersion: standards.version,
        rulesVersion: etiquetteRules.version,
        transcriptTime: at,
      });
    }
    await this.scores.recordUnscoredMany(tx.manager, [...unscored.values()]);
    const latest = latestPerContact(scored);
    const written = await this.scores.replaceMany(tx.manager, latest.map(({ cause: _cause, ...score }) => score));
    for (const { cause, tenantId: _tenant, rulesVersion: _rules, transcriptTime: _time, ...data } of latest) {
      if (!written.has(ScoresRepository.keyOf({ tenantId: cause.tenantid, contactId: data.contactId }))) continue;
      tx.publish(cause, { type: 'contact.scored', data });
    }
  }
}
