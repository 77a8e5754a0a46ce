import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseForPolicies, SlaTimelineEntry } from '../sla/domain';
import type { ClockStep } from './domain/clock-step';
import type { ClockTailoring } from './domain/clock-tailoring';
import { type StoredInput, type StoredVerdict, storeVerdict } from './domain/stored-clock';

/** One clock of a case as stored: what replays it, and the next instant its timer was set for. */
export interface CaseClockRow {
  tenantId: string;
  caseId: string;
  policyId: string;
  /** The instant whose tenant standards time the clock (the case's opening). */
  standardsAt: Date;
  standardsVersion: string;
  /** The tenant's calendar, budgets by priority and the case's priority when the clock was created (null before they existed: 24/7). */
  tailoring: ClockTailoring | null;
  inputs: StoredInput[];
  published: StoredVerdict[];
  nextAt: Date | null;
}

/** The case facts its clocks are chosen and started by (read from the cases table, which cases/ owns). */
export interface CaseFacts extends CaseForPolicies {
  openedAt: Date;
  priority: string;
}

/** A running clock's deadline as the case API shows it. */
export interface OpenDeadlineView {
  policyId: string;
  slaKind: string;
  dueAt: string;
  standardId: string;
  version: string;
  clause: string;
}

/** What the case API shows of a case's clocks. */
export interface CaseClocksView {
  openDeadlines: OpenDeadlineView[];
  breached: boolean;
}

interface RawRow {
  tenant_id: string;
  case_id: string;
  policy_id: string;
  standards_at: Date;
  standards_version: string;
  tailoring: ClockTailoring | null;
  inputs: StoredInput[];
  published: StoredVerdict[];
  next_at: Date | null;
}

const COLUMNS = 'tenant_id, case_id, policy_id, standards_at, standards_version, tailoring, inputs, published, next_at';

function toRow(raw: RawRow): CaseClockRow {
  return {
    tenantId: raw.tenant_id,
    caseId: raw.case_id,
    policyId: raw.policy_id,
    standardsAt: new Date(raw.standards_at),
    standardsVersion: raw.standards_version,
    tailoring: raw.tailoring,
    inputs: raw.inputs,
    published: raw.published,
    nextAt: raw.next_at === null ? null : new Date(raw.next_at),
  };
}

/** Case clocks, one row per (tenant, case, policy), written in the caller's transaction; every query names the tenant. */
@Injectable()
export class CaseClocksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The case's clocks, locked until the transaction ends, in policy order (so two lockers never cycle). */
  async lockCase(manager: EntityManager, tenantId: string, caseId: string): Promise<CaseClockRow[]> {
    const rows: RawRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM dispatch.case_clocks WHERE tenant_id = $1 AND case_id = $2 ORDER BY policy_id FOR UPDATE`,
      [tenantId, caseId],
    );
    return rows.map(toRow);
  }

  /**
   * One clock for a firing timer, locked without waiting: a transaction holding it is changing it
   * (and moving this very timer), so the clock is `busy` and its timer put off a moment rather than
   * waited on (that transaction may be waiting on the timer's row) or failed. Undefined if absent.
   */
  async lockForFiring(manager: EntityManager, tenantId: string, caseId: string, policyId: string): Promise<CaseClockRow | 'busy' | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM dispatch.case_clocks WHERE tenant_id = $1 AND case_id = $2 AND policy_id = $3 FOR UPDATE SKIP LOCKED`,
      [tenantId, caseId, policyId],
    );
    if (row) return toRow(row as RawRow);
    // Skipped (held by another transaction) or absent: only a row that exists is busy.
    const [held] = await manager.query(`SELECT 1 FROM dispatch.case_clocks WHERE tenant_id = $1 AND case_id = $2 AND policy_id = $3`, [tenantId, caseId, policyId]);
    return held ? 'busy' : undefined;
  }

  /** What chooses a case's clocks: its type, region and opening; undefined for a case the tenant does not have. */
  async caseFacts(manager: EntityManager, tenantId: string, caseId: string): Promise<CaseFacts | undefined> {
    const [row] = await manager.query(`SELECT type, region, priority, opened_at FROM dispatch.cases WHERE tenant_id = $1 AND case_id = $2`, [tenantId, caseId]);
    return row ? { type: row.type, region: row.region ?? undefined, priority: row.priority, openedAt: new Date(row.opened_at) } : undefined;
  }

  /** The cases in a region (by its matching key) with one of these clocks running or paused. */
  async casesWithLiveClocks(manager: EntityManager, tenantId: string, policyIds: readonly string[], regionKey: string): Promise<string[]> {
    const rows: { case_id: string }[] = await manager.query(
      `SELECT DISTINCT k.case_id FROM dispatch.case_clocks k
       JOIN dispatch.cases c ON c.tenant_id = k.tenant_id AND c.case_id = k.case_id
       WHERE k.tenant_id = $1 AND k.policy_id = ANY($2::text[]) AND k.status IN ('running', 'paused')
         AND lower(regexp_replace(c.region, '^\\s+|\\s+$', '', 'g')) = $3`,
      [tenantId, policyIds, regionKey],
    );
    return rows.map((row) => row.case_id);
  }

  /** Creates a case's clocks unless they exist already (a racing transaction created them first). */
  async createAbsent(
    manager: EntityManager,
    tenantId: string,
    caseId: string,
    clocks: { policyId: string; standardsAt: Date; standardsVersion: string; tailoring?: ClockTailoring }[],
  ): Promise<void> {
    if (clocks.length === 0) return;
    await manager.query(
      `INSERT INTO dispatch.case_clocks (tenant_id, case_id, policy_id, standards_at, standards_version, tailoring)
       SELECT $1, $2, c.policy_id, c.standards_at, c.standards_version, c.tailoring
       FROM unnest($3::text[], $4::timestamptz[], $5::text[], $6::jsonb[]) AS c(policy_id, standards_at, standards_version, tailoring)
       ON CONFLICT (tenant_id, case_id, policy_id) DO NOTHING`,
      [
        tenantId,
        caseId,
        clocks.map((c) => c.policyId),
        clocks.map((c) => c.standardsAt.toISOString()),
        clocks.map((c) => c.standardsVersion),
        clocks.map((c) => (c.tailoring ? JSON.stringify(c.tailoring) : null)),
      ],
    );
  }

  /** Saves a locked clock's inputs and what its latest step derived. */
  async save(manager: EntityManager, row: CaseClockRow, inputs: readonly StoredInput[], step: ClockStep): Promise<void> {
    const deadline = step.openDeadline;
    const openDeadline: OpenDeadlineView | null = deadline
      ? { policyId: deadline.policyId, slaKind: deadline.slaKind, dueAt: deadline.dueAt.toISOString(), ...deadline.standard }
      : null;
    await manager.query(
      `UPDATE dispatch.case_clocks SET inputs = $4::jsonb, published = $5::jsonb, status = $6, next_at = $7, due_at = $8,
         open_deadline = $9::jsonb, breached = $10, timeline = $11::jsonb, updated_at = now()
       WHERE tenant_id = $1 AND case_id = $2 AND policy_id = $3`,
      [
        row.tenantId,
        row.caseId,
        row.policyId,
        JSON.stringify(inputs),
        JSON.stringify(step.published.map(storeVerdict)),
        step.status,
        step.nextAt ?? null,
        deadline?.dueAt ?? null,
        openDeadline && JSON.stringify(openDeadline),
        step.breached,
        JSON.stringify(step.timeline),
      ],
    );
  }

  /** The open deadlines and standing breach of each case (cases without clocks are absent); in `manager`'s transaction if given. */
  async viewsOf(tenantId: string, caseIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, CaseClocksView>> {
    if (caseIds.length === 0) return new Map();
    const rows: { case_id: string; open_deadline: OpenDeadlineView | null; breached: boolean }[] = await manager.query(
      `SELECT case_id, open_deadline, breached FROM dispatch.case_clocks WHERE tenant_id = $1 AND case_id = ANY($2::text[]) ORDER BY case_id, due_at, policy_id`,
      [tenantId, caseIds],
    );
    const views = new Map<string, CaseClocksView>();
    for (const row of rows) {
      const view = views.get(row.case_id) ?? { openDeadlines: [], breached: false };
      if (row.open_deadline) view.openDeadlines.push(row.open_deadline);
      view.breached ||= row.breached;
      views.set(row.case_id, view);
    }
    return views;
  }

  /** Every clock entry of a case's timeline, oldest first (same instant: by policy, then in the clock's order). */
  async timelineOf(tenantId: string, caseId: string): Promise<{ entry: SlaTimelineEntry; key: string }[]> {
    const rows: { entry: SlaTimelineEntry; key: string }[] = await this.dataSource.query(
      `SELECT e.entry, 'x' || k.policy_id || '/' || lpad(e.n::text, 6, '0') AS key
       FROM dispatch.case_clocks k, jsonb_array_elements(k.timeline) WITH ORDINALITY AS e(entry, n)
       WHERE k.tenant_id = $1 AND k.case_id = $2`,
      [tenantId, caseId],
    );
    return rows.sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
