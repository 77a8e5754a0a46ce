import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type ComplianceFact, causedByOutage, outcomeOf } from './domain/compliance-fact';
import type { Tally } from './domain/compliance-report';
import type { EvidenceItem, EvidencePage, EvidenceQuery } from './evidence';

/** Which deadline: a subject's clock of one SLA kind. */
export interface DeadlineRef {
  tenantId: string;
  subjectType: string;
  subjectId: string;
  slaKind: string;
}

export const deadlineKey = (ref: DeadlineRef): string => JSON.stringify([ref.tenantId, ref.subjectType, ref.subjectId, ref.slaKind]);

/** `quality.compliance_facts`, one row per (tenant, subject, SLA kind); every query names the tenant. */
@Injectable()
export class ComplianceFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The deadlines' facts, locked until the transaction ends, in one round trip: each row is created
   * first when absent (so two batches never both start one), keyed by `deadlineKey`; absent from
   * the map: no verdict yet. Locked in key order, so two transactions never wait in a cycle.
   */
  async lockOrCreateMany(manager: EntityManager, refs: readonly DeadlineRef[]): Promise<Map<string, ComplianceFact>> {
    const unique = [...new Map(refs.map((ref) => [deadlineKey(ref), ref])).values()];
    if (unique.length === 0) return new Map();
    const rows: { tenant_id: string; fact: ComplianceFact | null }[] = await manager.query(
      `INSERT INTO quality.compliance_facts (tenant_id, subject_type, subject_id, sla_kind)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(tenant_id, subject_type, subject_id, sla_kind)
       ORDER BY tenant_id, subject_type, subject_id, sla_kind
       ON CONFLICT (tenant_id, subject_type, subject_id, sla_kind) DO UPDATE SET tenant_id = excluded.tenant_id
       RETURNING tenant_id, fact`,
      [unique.map((r) => r.tenantId), unique.map((r) => r.subjectType), unique.map((r) => r.subjectId), unique.map((r) => r.slaKind)],
    );
    return new Map(rows.flatMap((row) => (row.fact === null ? [] : [[deadlineKey({ tenantId: row.tenant_id, ...row.fact }), row.fact] as const])));
  }

  /** Saves facts `lockOrCreateMany` locked, in one statement. */
  async saveMany(manager: EntityManager, facts: readonly { tenantId: string; fact: ComplianceFact }[]): Promise<void> {
    if (facts.length === 0) return;
    const column = <T>(pick: (entry: { tenantId: string; fact: ComplianceFact }) => T): T[] => facts.map(pick);
    await manager.query(
      `UPDATE quality.compliance_facts f SET
         started_at = u.started_at, standard_id = u.standard_id, standard_version = u.standard_version, clause = u.clause, region = u.region,
         outcome = u.outcome, caused_by_outage = u.caused_by_outage, event_ids = ARRAY(SELECT jsonb_array_elements_text(u.fact->'eventIds')),
         fact = u.fact, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::jsonb[])
         AS u(tenant_id, subject_type, subject_id, sla_kind, started_at, standard_id, standard_version, clause, region, outcome, caused_by_outage, fact)
       WHERE f.tenant_id = u.tenant_id AND f.subject_type = u.subject_type AND f.subject_id = u.subject_id AND f.sla_kind = u.sla_kind`,
      [
        column((e) => e.tenantId),
        column((e) => e.fact.subjectType),
        column((e) => e.fact.subjectId),
        column((e) => e.fact.slaKind),
        column((e) => new Date(e.fact.startedAt).toISOString()),
        column((e) => e.fact.standardId),
        column((e) => e.fact.standardVersion),
        column((e) => e.fact.clause),
        column((e) => e.fact.region),
        column((e) => outcomeOf(e.fact) ?? null),
        column((e) => causedByOutage(e.fact)),
        column((e) => JSON.stringify(e.fact)),
      ],
    );
  }

  /** Settled deadlines whose run started in [from, to), per standard and version; of one region if given. */
  async tallies(tenantId: string, from: Date, to: Date, region: string | null): Promise<Tally[]> {
    const rows: { standard_id: string; standard_version: string; clause: string | null; subjects: string; met: string; breached: string; outage: string }[] =
      await this.dataSource.query(
        `SELECT standard_id, standard_version, min(clause) AS clause, count(*) AS subjects,
                count(*) FILTER (WHERE outcome = 'met') AS met, count(*) FILTER (WHERE outcome = 'breached') AS breached,
                count(*) FILTER (WHERE outcome = 'breached' AND caused_by_outage) AS outage
         FROM quality.compliance_facts
         WHERE tenant_id = $1 AND started_at >= $2 AND started_at < $3 AND outcome IS NOT NULL AND ($4::text IS NULL OR region = $4)
         GROUP BY standard_id, standard_version`,
        [tenantId, from, to, region],
      );
    return rows.map((row) => ({
      standardId: row.standard_id,
      standardVersion: row.standard_version,
      clause: row.clause,
      subjects: Number(row.subjects),
      met: Number(row.met),
      breached: Number(row.breached),
      outageCaused: Number(row.outage),
    }));
  }

  /** The settled deadlines behind a row, by subject, a page at a time. */
  async evidence(tenantId: string, query: EvidenceQuery): Promise<EvidencePage> {
    const after = query.after ?? null;
    const rows: {
      subject_type: string;
      subject_id: string;
      sla_kind: string;
      started_at: Date;
      standard_id: string;
      standard_version: string;
      clause: string | null;
      region: string | null;
      outcome: 'met' | 'breached';
      caused_by_outage: boolean;
      event_ids: string[];
    }[] = await this.dataSource.query(
      `SELECT subject_type, subject_id, sla_kind, started_at, standard_id, standard_version, clause, region, outcome, caused_by_outage, event_ids
       FROM quality.compliance_facts
       WHERE tenant_id = $1 AND standard_id = $2 AND ($3::text IS NULL OR standard_version = $3) AND started_at >= $4 AND started_at < $5
         AND outcome IS NOT NULL AND ($6::text IS NULL OR region = $6)
         AND ($7::text IS NULL OR (subject_type, subject_id, sla_kind) > ($7, $8, $9))
       ORDER BY subject_type, subject_id, sla_kind
       LIMIT $10`,
      [tenantId, query.standardId, query.version ?? null, query.from, query.to, query.region ?? null, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, query.limit + 1],
    );
    const items: EvidenceItem[] = rows.slice(0, query.limit).map((row) => ({
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      slaKind: row.sla_kind,
      outcome: row.outcome,
      causedByOutage: row.caused_by_outage,
      standardId: row.standard_id,
      standardVersion: row.standard_version,
      clause: row.clause,
      region: row.region,
      startedAt: new Date(row.started_at).toISOString(),
      eventIds: row.event_ids,
    }));
    const last = rows.length > query.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [last.subjectType, last.subjectId, last.slaKind] : undefined };
  }
}
