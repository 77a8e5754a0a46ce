/**
 * The id of the `audit.recorded` for `evidence.add`, naming the evidence and its SHA-256. The audit
 * chain hashes each entry's event id, so the hash recorded at collection stays in the chain: a
 * rewrite of both the blob and its stored sha256 still disagrees with it (the chain keeps only a
 * digest of the event's data, so the hash has to travel in a field the chain keeps in clear).
 */
const PREFIX = 'evidence.add:';

export function evidenceAddEventId(evidenceId: string, sha256: string): string {
  return `${PREFIX}${evidenceId}:${sha256}`;
}

/** The SHA-256 an `evidence.add` audit entry recorded for this evidence; undefined for any other entry. */
export function auditedSha256Of(eventId: string, evidenceId: string): string | undefined {
  const prefix = `${PREFIX}${evidenceId}:`;
  return eventId.startsWith(prefix) ? eventId.slice(prefix.length) : undefined;
}

/** What the audit entries' `LIKE` looks for. */
export const EVIDENCE_ADD_EVENT_ID_PATTERN = `${PREFIX}%`;
