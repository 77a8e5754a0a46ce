import { Injectable } from '@nestjs/common';
import type { ScoreResponse } from '../score-response';
import { ScoresRepository } from '../scores.repository';

/** A contact's score as the API answers it, or null when the tenant has none for it. */
@Injectable()
export class ReadScore {
  constructor(private readonly scores: ScoresRepository) {}

  async execute(tenantId: string, contactId: string): Promise<ScoreResponse | null> {
    const found = await this.scores.find(tenantId, contactId);
    if (found === null) return null;
    return {
      contactId: found.contactId,
      ...(found.agentId === undefined ? {} : { agentId: found.agentId }),
      score: found.score,
      deductions: found.deductions,
      standardId: found.standardId,
      version: found.standardVersion,
      scoredAt: found.scoredAt.toISOString(),
    };
  }
}
