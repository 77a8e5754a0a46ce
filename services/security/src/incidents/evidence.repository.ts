import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentActor } from './domain/incident';
import { CUSTODY_GENESIS, custodyHash } from './domain/custody-chain';
import type { CustodyAction } from './domain/evidence';
import { auditedSha256Of, EVIDENCE_ADD_EVENT_ID_PATTERN } from './domain/evidence-audit-id';
import { SECURITY_SOURCE } from './domain/incident-events';

export interface StoredEvidence {
  id: string;
  incidentId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  /** As recorded when it was collected. */
  sha256: string;
  /** What the stored content hashes to now. */
  actualSha256: string;
  addedAt: Date;
  addedBy: IncidentActor;
}

export interface CustodyEntry {
  at: Date;
  actor: IncidentActor;
  action: CustodyAction;
  to: string | null;
  note: string | null;
  /** The content's SHA-256 as re-computed at this entry. */
  sha256Observed: string;
  intact: boolean;
}

/** A custody entry as kept: linked to the one before it. */
export interface ChainedCustodyEntry extends CustodyEntry {
  prevHash: string;
  hash: string;
}

const COLUMNS = `id, incident_id, name, media_type, size_bytes, sha256, encode(sha256(content), 'hex') AS actual_sha256, added_at, added_by`;

/**
 * Evidence and its chain of custody: append-only (inserts only; no route updates or deletes). The
 * content's hash is re-computed by PostgreSQL on every read, so a blob changed under the service is
 * seen. Every query names the tenant.
 */
@Injectable()
export class EvidenceRepository {
  async insert(manager: EntityManager, tenantId: string, evidence: Omit<StoredEvidence, 'actualSha256'> & { content: Buffer }): Promise<void> {
    const { id, incidentId, name, mediaType, sizeBytes, sha256, content, addedAt, addedBy } = evidence;
    await manager.query(
      `INSERT INTO security.incident_evidence (tenant_id, id, incident_id, name, media_type, size_bytes, sha256, content, added_at, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [tenantId, id, incidentId, name, mediaType, sizeBytes, sha256, content, addedAt, JSON.stringify(addedBy)],
    );
  }

  async list(manager: EntityManager, tenantId: string, incidentId: string): Promise<StoredEvidence[]> {
    const rows: EvidenceRow[] = await manager.query(`SELECT ${COLUMNS} FROM security.incident_evidence WHERE tenant_id = $1 AND incident_id = $2 ORDER BY added_at, id`, [tenantId, incidentId]);
    return rows.map(toEvidence);
  }

  async find(manager: EntityManager, tenantId: string, incidentId: string, id: string): Promise<StoredEvidence | undefined> {
    const [row]: EvidenceRow[] = await manager.query(`SELECT ${COLUMNS} FROM security.incident_evidence WHERE tenant_id = $1 AND incident_id = $2 AND id = $3`, [tenantId, incidentId, id]);
    return row && toEvidence(row);
  }

  async content(manager: EntityManager, tenantId: string, id: string): Promise<Buffer> {
    const [row]: { content: Buffer }[] = await manager.query(`SELECT content FROM security.incident_evidence WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row.content;
  }

  /** Appends the entry, linked to the last one; appends to one piece of evidence are serialised by its row lock. */
  async appendCustody(manager: EntityManager, tenantId: string, evidenceId: string, entry: CustodyEntry): Promise<void> {
    await manager.query(`SELECT 1 FROM security.incident_evidence WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, evidenceId]);
    const [last]: { hash: string }[] = await manager.query(
      `SELECT hash FROM security.evidence_custody WHERE tenant_id = $1 AND evidence_id = $2 ORDER BY seq DESC LIMIT 1`,
      [tenantId, evidenceId],
    );
    const prevHash = last?.hash ?? CUSTODY_GENESIS;
    await manager.query(
      `INSERT INTO security.evidence_custody (tenant_id, evidence_id, at, actor, action, to_party, note, sha256_observed, intact, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [tenantId, evidenceId, entry.at, JSON.stringify(entry.actor), entry.action, entry.to, entry.note, entry.sha256Observed, entry.intact, prevHash, custodyHash(prevHash, evidenceId, entry)],
    );
  }

  /**
   * The SHA-256 each piece of evidence had when collected, as the audit trail's `evidence.add` entry
   * keeps it (the audit module's table, read by subject: the evidence id, since the trail keeps an
   * `audit.recorded` under its data's subject, not its envelope's, which names the incident); absent
   * while the entry is not in the chain yet. That the entry itself is unchanged is what
   * `GET /v1/audit/verify` proves.
   */
  async auditedSha256s(manager: EntityManager, tenantId: string, evidenceIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { subject: string; event_id: string }[] = await manager.query(
      `SELECT subject, event_id FROM security.audit_entries
       WHERE tenant_id = $1 AND subject = ANY($2::text[]) AND type = 'audit.recorded' AND source = $3 AND event_id LIKE $4
       ORDER BY seq`,
      [tenantId, evidenceIds, SECURITY_SOURCE, EVIDENCE_ADD_EVENT_ID_PATTERN],
    );
    const audited = new Map<string, string>();
    for (const { subject, event_id } of rows) {
      const sha256 = auditedSha256Of(event_id, subject);
      // The first entry counts: the chain holds one per piece of evidence.
      if (sha256 && !audited.has(subject)) audited.set(subject, sha256);
    }
    return audited;
  }

  /** The custody entries of these pieces of evidence, oldest first, by evidence id. */
  async custody(manager: EntityManager, tenantId: string, evidenceIds: readonly string[]): Promise<Map<string, ChainedCustodyEntry[]>> {
    const rows: CustodyRow[] = await manager.query(
      `SELECT evidence_id, at, actor, action, to_party, note, sha256_observed, intact, prev_hash, hash FROM security.evidence_custody
       WHERE tenant_id = $1 AND evidence_id = ANY($2::uuid[]) ORDER BY seq`,
      [tenantId, evidenceIds],
    );
    const byEvidence = new Map<string, ChainedCustodyEntry[]>(evidenceIds.map((id) => [id, []]));
    for (const row of rows) {
      byEvidence.get(row.evidence_id)?.push({
        at: new Date(row.at),
        actor: row.actor,
        action: row.action,
        to: row.to_party,
        note: row.note,
        sha256Observed: row.sha256_observed,
        intact: row.intact,
        prevHash: row.prev_hash,
        hash: row.hash,
      });
    }
    return byEvidence;
  }
}

interface EvidenceRow {
  id: string;
  incident_id: string;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  actual_sha256: string;
  added_at: Date;
  added_by: IncidentActor;
}

interface CustodyRow {
  evidence_id: string;
  at: Date;
  actor: IncidentActor;
  action: CustodyAction;
  to_party: string | null;
  note: string | null;
  sha256_observed: string;
  intact: boolean;
  prev_hash: string;
  hash: string;
}

function toEvidence(row: EvidenceRow): StoredEvidence {
  return {
    id: row.id,
    incidentId: row.incident_id,
    name: row.name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    actualSha256: row.actual_sha256,
    addedAt: new Date(row.added_at),
    addedBy: row.added_by,
  };
}
