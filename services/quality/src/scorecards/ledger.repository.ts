import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LedgerEntry, LedgerEntryKind, NewLedgerEntry } from './domain/ledger-entry';
import type { LedgerTotals } from './domain/scorecard';

interface EntryRow {
  id: string;
  tenant_id: string;
  agent_id: string | null;
  team: string | null;
  kind: LedgerEntryKind;
  rule: string;
  subject_key: string;
  evidence_event_id: string;
  evidence_type: string;
  points: number;
  reason: string | null;
  standard_id: string;
  standard_version: string;
  clause: string;
  scheme_version: number;
  occurred_at: Date;
  period: string;
  compensates: string | null;
  recorded_at: Date;
  reversed?: boolean;
}

/** An entry and whether a compensating entry has reversed it. */
export type HeldEntry = LedgerEntry & { reversed: boolean };

const COLUMNS = `e.id, e.tenant_id, e.agent_id, e.team, e.kind, e.rule, e.subject_key, e.evidence_event_id, e.evidence_type, e.points, e.reason,
  e.standard_id, e.standard_version, e.clause, e.scheme_version, e.occurred_at, e.period, e.compensates, e.recorded_at,
  EXISTS (SELECT 1 FROM quality.ledger_entries r WHERE r.compensates = e.id) AS reversed`;

function entryOf(row: EntryRow): HeldEntry {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    agentId: row.agent_id,
    team: row.team,
    kind: row.kind,
    rule: row.rule,
    subjectKey: row.subject_key,
    evidenceEventId: row.evidence_event_id,
    evidenceType: row.evidence_type,
    points: row.points,
    reason: row.reason,
    standardId: row.standard_id,
    version: row.standard_version,
    clause: row.clause,
    schemeVersion: row.scheme_version,
    occurredAt: new Date(row.occurred_at),
    period: row.period,
    compensates: row.compensates,
    recordedAt: new Date(row.recorded_at),
    reversed: row.reversed === true,
  };
}

/** A month's sums for one agent or team. */
export interface GroupTotals extends LedgerTotals {
  key: string;
}

/**
 * `quality.ledger_entries`: appended to, never updated or deleted. An entry already recorded for
 * the same evidence event and rule, or a second reversal of one entry, is skipped (redelivery).
 */
@Injectable()
export class LedgerRepository {
  /** Serialises the writers of these subjects until the transaction ends (in key order: no deadlock cycles). */
  async lockSubjects(manager: EntityManager, tenantId: string, subjectKeys: readonly string[]): Promise<void> {
    const keys = [...new Set(subjectKeys)].sort();
    if (keys.length === 0) return;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || '|' || k, 0)) FROM unnest($2::text[]) WITH ORDINALITY AS t(k, i) ORDER BY i`, [tenantId, keys]);
  }

  /** Appends the entries (one statement); those already there are skipped. */
  async append(manager: EntityManager, entries: readonly NewLedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const col = <T>(pick: (e: NewLedgerEntry) => T) => entries.map(pick);
    await manager.query(
      `INSERT INTO quality.ledger_entries (id, tenant_id, agent_id, team, kind, rule, subject_key, evidence_event_id, evidence_type, points, reason,
         standard_id, standard_version, clause, scheme_version, occurred_at, period, compensates)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[],
         $12::text[], $13::text[], $14::text[], $15::int[], $16::timestamptz[], $17::text[], $18::uuid[])
       ON CONFLICT DO NOTHING`,
      [
        col((e) => e.id),
        col((e) => e.tenantId),
        col((e) => e.agentId),
        col((e) => e.team),
        col((e) => e.kind),
        col((e) => e.rule),
        col((e) => e.subjectKey),
        col((e) => e.evidenceEventId),
        col((e) => e.evidenceType),
        col((e) => e.points),
        col((e) => e.reason),
        col((e) => e.standardId),
        col((e) => e.version),
        col((e) => e.clause),
        col((e) => e.schemeVersion),
        col((e) => e.occurredAt.toISOString()),
        col((e) => e.period),
        col((e) => e.compensates),
      ],
    );
  }

  /** The subjects' entries still in force (neither a compensation nor reversed), by subject key. */
  async inForce(manager: EntityManager, tenantId: string, subjectKeys: readonly string[]): Promise<Map<string, HeldEntry[]>> {
    const rows: EntryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM quality.ledger_entries e
       WHERE e.tenant_id = $1 AND e.subject_key = ANY($2::text[]) AND e.kind <> 'compensation'
         AND NOT EXISTS (SELECT 1 FROM quality.ledger_entries r WHERE r.compensates = e.id)
       ORDER BY e.occurred_at, e.id`,
      [tenantId, [...new Set(subjectKeys)]],
    );
    const bySubject = new Map<string, HeldEntry[]>();
    for (const entry of rows.map(entryOf)) bySubject.set(entry.subjectKey, [...(bySubject.get(entry.subjectKey) ?? []), entry]);
    return bySubject;
  }

  /** The entries in force recorded for nobody because no agent was known, of the subjects. */
  async unattributed(manager: EntityManager, tenantId: string, subjectKeys: readonly string[], reason: string): Promise<HeldEntry[]> {
    const rows: EntryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM quality.ledger_entries e
       WHERE e.tenant_id = $1 AND e.subject_key = ANY($2::text[]) AND e.agent_id IS NULL AND e.reason = $3 AND e.kind <> 'compensation'
         AND NOT EXISTS (SELECT 1 FROM quality.ledger_entries r WHERE r.compensates = e.id)
       ORDER BY e.occurred_at, e.id`,
      [tenantId, [...new Set(subjectKeys)], reason],
    );
    return rows.map(entryOf);
  }

  async find(manager: EntityManager, tenantId: string, id: string): Promise<HeldEntry | undefined> {
    const rows: EntryRow[] = await manager.query(`SELECT ${COLUMNS} FROM quality.ledger_entries e WHERE e.tenant_id = $1 AND e.id = $2`, [tenantId, id]);
    return rows.length === 0 ? undefined : entryOf(rows[0]);
  }

  /**
   * A month's reward and penalty per agent or team (only `only`'s when given). A compensation
   * counts against the side of the entry it reverses, so an upheld dispute lowers the penalty
   * rather than adding a reward.
   */
  async totals(manager: EntityManager, tenantId: string, period: string, groupBy: 'agent' | 'team', only?: string): Promise<GroupTotals[]> {
    const key = groupBy === 'agent' ? 'agent_id' : 'team';
    const rows: { key: string; reward: string; penalty: string; entries: string }[] = await manager.query(
      `SELECT ${key} AS key,
         coalesce(sum(points) FILTER (WHERE (kind <> 'compensation' AND points > 0) OR (kind = 'compensation' AND points < 0)), 0) AS reward,
         coalesce(-sum(points) FILTER (WHERE (kind <> 'compensation' AND points < 0) OR (kind = 'compensation' AND points > 0)), 0) AS penalty,
         count(*) AS entries
       FROM quality.ledger_entries
       WHERE tenant_id = $1 AND period = $2 AND ${key} IS NOT NULL AND ($3::text IS NULL OR ${key} = $3)
       GROUP BY ${key}`,
      [tenantId, period, only ?? null],
    );
    return rows.map((r) => ({ key: r.key, reward: Number(r.reward), penalty: Number(r.penalty), entries: Number(r.entries) }));
  }

  /** An agent's entries of a month in time order, after the cursor's `[occurredAt, id]`. */
  async page(manager: EntityManager, tenantId: string, period: string, agentId: string, limit: number, after?: readonly [string, string]): Promise<HeldEntry[]> {
    const rows: EntryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM quality.ledger_entries e
       WHERE e.tenant_id = $1 AND e.period = $2 AND e.agent_id = $3 AND ($4::timestamptz IS NULL OR (e.occurred_at, e.id) > ($4::timestamptz, $5::uuid))
       ORDER BY e.occurred_at, e.id LIMIT $6`,
      [tenantId, period, agentId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map(entryOf);
  }
}
