import type { Deduction } from './transcript';

/** What a contact's score records as its standard: the etiquette rules of MANUAL ch. 3 as a whole. */
export const ETIQUETTE_STANDARD_ID = 'etiquette';

/** A contact's etiquette score, as kept and as published. */
export interface ContactScore {
  tenantId: string;
  contactId: string;
  agentId?: string;
  score: number;
  deductions: Deduction[];
  standardId: string;
  standardVersion: string;
  rulesVersion: string;
  /** The transcript event's time: a later transcript replaces the score, an earlier one does not. */
  transcriptTime: Date;
}

/** The latest transcript's score per contact (a later one in the batch wins a tie), so a batch writes each contact once. */
export function latestPerContact<T extends ContactScore>(scores: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const score of scores) {
    const key = JSON.stringify([score.tenantId, score.contactId]);
    const held = latest.get(key);
    if (held === undefined || held.transcriptTime.getTime() <= score.transcriptTime.getTime()) latest.set(key, score);
  }
  return [...latest.values()];
}
