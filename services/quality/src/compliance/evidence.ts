import type { Outcome } from './domain/compliance-fact';

/** Which subjects a report row stands for: one standard (and version), period and region. */
export interface EvidenceQuery {
  standardId: string;
  version?: string;
  from: Date;
  to: Date;
  region?: string;
  limit: number;
  /** The sort key of the previous page's last item. */
  after?: [string, string, string];
}

/** One subject behind a row: its verdict, the standard that set its target, and the events behind it. */
export interface EvidenceItem {
  subjectType: string;
  subjectId: string;
  slaKind: string;
  outcome: Outcome;
  causedByOutage: boolean;
  standardId: string;
  standardVersion: string;
  clause: string | null;
  region: string | null;
  /** When its clock started (a contact: when it was queued). */
  startedAt: string;
  eventIds: string[];
}

export interface EvidencePage {
  items: EvidenceItem[];
  /** The key to pass back for the next page; none on the last. */
  next?: [string, string, string];
}
