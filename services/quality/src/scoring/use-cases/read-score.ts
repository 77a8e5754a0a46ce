import { Injectable } from '@nestjs/common';
import { type ScoreResponse } from '../score-response';
import { ScoresRepository, type UnscoredReason } from '../scores.repository';

/** A contact's score as the API answers it; or why its transcript was not scored; or nothing at all. */
export type ScoreLookup = { score: ScoreResponse } | { unscored: UnscoredReason } | null;

/** A contact's score; a kept score wins over a transcript recorded as not scored. */
@Injectable()
export class ReadScore {
  constructor(private readonly scores: ScoresRepository) {}

  async execute(tenantId: string, contactId: string): Promise<ScoreLookup> {
    const found = await this.scores.find(tenantId, contactId);
    if (found === null) {
      const unscored = await this.scores.findUnscored(tenantId, contactId);
      return unscored === null ? null : { unscored: unscored.reason };
    }
    return {
      score: {
        contactId: found.contactId,
        ...(found.agentId === undefined ? {} : { agentId: found.agentId }),
        score: found.score,
        deductions: found.deductions,
        standardId: found.standardId,
        version: found.standardVersion,
        scoredAt: found.scoredAt.toISOString(),
      },
    };
  }
}
