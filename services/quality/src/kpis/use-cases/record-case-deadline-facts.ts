import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { KpiDeltas } from '../domain/kpi-cells';
import { type CaseEvent, caseFactOf, type FactAboutCase } from '../domain/case-fact-of-event';
import { caseDeadlineKpis, mergeCaseFact } from '../domain/case-deadline-facts';
import { CaseDeadlineFactsRepository, caseKey, type HeldCase } from '../case-deadline-facts.repository';
import type { TenantCell } from '../kpi-cells.repository';

/**
 * Applies a batch's case clock verdicts and case assignments to their cases' deadline facts, in the
 * batch's transaction (one statement locking or creating the cases, one saving those that changed),
 * and returns the difference each case's counts made to the KPI cells, for `RecordKpiFacts` to add
 * with the batch's other changes. A case's counts are recomputed from its facts and the cells
 * adjusted by the difference, so a late assignment or a redelivered, reordered or withdrawn verdict
 * moves it between agents or outcomes without rescanning anything.
 */
@Injectable()
export class RecordCaseDeadlineFacts {
  constructor(private readonly cases: CaseDeadlineFactsRepository) {}

  async execute(manager: EntityManager, events: readonly CaseEvent[]): Promise<TenantCell[]> {
    const about = events.map(caseFactOf).filter((fact): fact is FactAboutCase => fact !== undefined);
    if (about.length === 0) return [];
    const held = await this.cases.lockOrCreateMany(manager, about);
    const changed = new Map<string, HeldCase>();
    for (const { fact, ...ref } of about) {
      const kept = held.get(caseKey(ref)) as HeldCase;
      const merged = mergeCaseFact(kept.facts, fact);
      if (isDeepStrictEqual(merged, kept.facts)) continue;
      kept.facts = merged;
      changed.set(caseKey(ref), kept);
    }
    const deltas = new Map<string, KpiDeltas>();
    for (const kept of changed.values()) {
      const counted = caseDeadlineKpis(kept.facts);
      if (isDeepStrictEqual(counted, kept.counted)) continue;
      const tenantDeltas = deltas.get(kept.tenantId) ?? new KpiDeltas();
      for (const before of kept.counted) tenantDeltas.change(before, null);
      for (const after of counted) tenantDeltas.change(null, after);
      deltas.set(kept.tenantId, tenantDeltas);
      kept.counted = counted;
    }
    await this.cases.saveMany(manager, [...changed.values()]);
    return [...deltas].flatMap(([tenantId, d]) => d.list().map((cell): TenantCell => ({ ...cell, tenantId })));
  }
}
