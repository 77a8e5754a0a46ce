import type { Tally } from './domain/compliance-report';
import type { EvidencePage, EvidenceQuery } from './evidence';

/**
 * The answer standard's compliance (answered within the tenant's answer time, MANUAL 2.1), which
 * the KPIs already judge per contact: a port, so compliance reuses their verdict instead of
 * judging contacts again.
 */
export abstract class AnswerCompliance {
  /** Offered contacts queued in [from, to), per standards version: met when answered within the target. */
  abstract tallies(tenantId: string, from: Date, to: Date, region: string | null): Promise<Tally[]>;
  /** Those contacts, by contact id, with the events behind each. */
  abstract evidence(tenantId: string, query: EvidenceQuery): Promise<EvidencePage>;
}
