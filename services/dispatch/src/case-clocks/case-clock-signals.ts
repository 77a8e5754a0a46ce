import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CorrelationContext } from '@hotline/messaging';
import type { Clock } from '@hotline/timers';
import { type CaseSignal, CaseSignals } from '../cases/case-signals';
import { ClockTailorings } from '../calendars/clock-tailorings';
import { RuralRegions } from '../regions/rural-regions';
import { type CaseClockRow, CaseClocksRepository } from './case-clocks.repository';
import { CASE_CLOCKS_NOW } from './case-clocks-now';
import { CaseClockSteps } from './case-clock-steps';
import { CasePolicies } from './case-policies';
import { hasInput, signalInput, type StoredInput } from './domain/stored-clock';

/**
 * The `CaseSignals` port, wired: each case's clocks are locked (created from the tenant's standards
 * in force at the opening, with 'opened' at that instant, the first time the case is signalled),
 * each signal is added to every clock, and each clock that changed takes a step. A signal already
 * recorded at the same instant (a re-sent event) changes nothing; 'opened' is the opening's own.
 */
@Injectable()
export class CaseClockSignals extends CaseSignals {
  constructor(
    private readonly clocks: CaseClocksRepository,
    private readonly policies: CasePolicies,
    private readonly steps: CaseClockSteps,
    private readonly rural: RuralRegions,
    private readonly tailorings: ClockTailorings,
    @Inject(CASE_CLOCKS_NOW) private readonly clock: Clock,
  ) {
    super();
  }

  async record(manager: EntityManager, signals: readonly CaseSignal[]): Promise<void> {
    const now = this.clock.now();
    const { correlationId, causationId } = CorrelationContext.current() ?? {};
    const byCase = new Map<string, CaseSignal[]>();
    for (const signal of signals) {
      const key = JSON.stringify([signal.tenantId, signal.caseId]);
      byCase.set(key, [...(byCase.get(key) ?? []), signal]);
    }
    // Cases in key order, so two transactions signalling the same cases never wait on each other in a cycle.
    for (const key of [...byCase.keys()].sort()) {
      const caseSignals = byCase.get(key) ?? [];
      const { tenantId, caseId } = caseSignals[0];
      const { rows, opened } = await this.lockOrOpen(manager, tenantId, caseId);
      const added = [...opened, ...caseSignals.filter((s) => s.signal !== 'opened').map((s) => signalInput(s.signal, s.at, s.priority))];
      for (const row of rows) {
        const inputs = added.reduce<StoredInput[]>((all, input) => (hasInput(all, input) ? all : [...all, input]), row.inputs);
        if (inputs.length === row.inputs.length) continue;
        await this.steps.advance(manager, row, inputs, now, { cause: inputs.at(-1), correlation: { correlationId, causationId } });
      }
    }
  }

  /** The case's clocks, locked; created first (with their opening input) if the case has none yet. */
  private async lockOrOpen(manager: EntityManager, tenantId: string, caseId: string): Promise<{ rows: CaseClockRow[]; opened: StoredInput[] }> {
    const rows = await this.clocks.lockCase(manager, tenantId, caseId);
    if (rows.length > 0) return { rows, opened: [] };
    const kase = await this.clocks.caseFacts(manager, tenantId, caseId);
    if (!kase) return { rows: [], opened: [] };
    // The tenant's rural regions as they are now choose the repair clock (72 h rural, else 48 h).
    const ruralRegions = await this.rural.of(manager, tenantId, kase.region);
    const { version, policies } = await this.policies.forCase(tenantId, kase, kase.openedAt, ruralRegions);
    // The tenant's calendars and budgets by priority as they are now time the clocks for good.
    const tailorings = await this.tailorings.of(manager, tenantId, policies, kase.priority);
    const created = policies.map((policy) => ({ policyId: policy.id, standardsAt: kase.openedAt, standardsVersion: version, tailoring: tailorings.get(policy.id) }));
    await this.clocks.createAbsent(manager, tenantId, caseId, created);
    return { rows: await this.clocks.lockCase(manager, tenantId, caseId), opened: [signalInput('opened', kase.openedAt)] };
  }
}
