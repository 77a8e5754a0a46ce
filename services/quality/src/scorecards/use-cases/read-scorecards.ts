import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KpiFigures } from '../../kpis/domain/kpi-figures';
import { KpisPort } from '../../kpis/kpis-port';
import { monthRange, scorecardPoints } from '../domain/scorecard';
import { type HeldEntry, LedgerRepository } from '../ledger.repository';
import { SchemeRepository } from '../scheme.repository';
import { encodeCursor } from '../scorecard-requests';
import type { LedgerEntryResponse, LedgerPage, ScorecardPage } from '../scorecard-responses';

/** `GET /v1/scorecards` and an agent's ledger. */
@Injectable()
export class ReadScorecards {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly schemes: SchemeRepository,
    private readonly kpis: KpisPort,
  ) {}

  /**
   * A month's scorecards per agent or team (only `only`'s when given), with the KPIs and the bonuses
   * of the current scheme: everyone with ledger entries or KPIs that month, in key order.
   */
  async scorecards(tenantId: string, query: { period: string; groupBy: 'agent' | 'team'; limit: number; after?: string; only?: string }): Promise<ScorecardPage> {
    const manager = this.dataSource.manager;
    const { from, to } = monthRange(query.period);
    const [totals, { version, scheme }, figures] = await Promise.all([
      this.ledger.totals(manager, tenantId, query.period, query.groupBy, query.only),
      this.schemes.current(manager, tenantId),
      this.kpis.figures(tenantId, query.groupBy, from, to),
    ]);
    const byKey = new Map(totals.map((t) => [t.key, t]));
    const keys = [...new Set([...byKey.keys(), ...figures.keys()])]
      .filter((key) => (query.only === undefined || key === query.only) && (query.after === undefined || key > query.after))
      .sort();
    const page = keys.slice(0, query.limit);
    const items = page.map((key) => {
      const t = byKey.get(key) ?? { reward: 0, penalty: 0, entries: 0 };
      const kpis = figures.get(key) ?? null;
      return {
        ...(query.groupBy === 'agent' ? { agentId: key } : { team: key }),
        ...scorecardPoints(t, kpis, scheme),
        entries: t.entries,
        kpis: kpis && contextOf(kpis),
      };
    });
    const last = page.at(-1);
    return { period: query.period, groupBy: query.groupBy, schemeVersion: version, items, nextCursor: keys.length > query.limit && last ? encodeCursor([last]) : null };
  }

  async ledgerPage(tenantId: string, agentId: string, query: { period: string; limit: number; cursor?: [string, string] }): Promise<LedgerPage> {
    const rows = await this.ledger.page(this.dataSource.manager, tenantId, query.period, agentId, query.limit + 1, query.cursor);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(entryResponse), nextCursor: rows.length > query.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null };
  }
}

export function entryResponse(e: HeldEntry): LedgerEntryResponse {
  return {
    id: e.id,
    agentId: e.agentId,
    team: e.team,
    kind: e.kind,
    rule: e.rule,
    points: e.points,
    reason: e.reason,
    evidence: { eventId: e.evidenceEventId, type: e.evidenceType, subject: e.subjectKey },
    standardId: e.standardId,
    version: e.version,
    clause: e.clause,
    schemeVersion: e.schemeVersion,
    occurredAt: e.occurredAt.toISOString(),
    period: e.period,
    compensates: e.compensates,
    reversed: e.reversed,
    recordedAt: e.recordedAt.toISOString(),
  };
}

function contextOf(k: KpiFigures) {
  return {
    offered: k.offered,
    answered: k.answered,
    serviceLevel: k.serviceLevel,
    averageSpeedOfAnswerSeconds: k.averageSpeedOfAnswerSeconds,
    averageHandleTimeSeconds: k.averageHandleTimeSeconds,
    transferRate: k.transferRate,
    firstContactResolution: k.firstContactResolution,
    surveys: k.surveys,
    csat: k.csat,
    averageSurveyScore: k.averageSurveyScore,
    complaints: k.complaints,
    breached: k.breached,
    outageBreached: k.outageBreached,
  };
}
