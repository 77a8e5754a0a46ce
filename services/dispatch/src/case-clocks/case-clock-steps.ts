import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import { SlaClock, type SlaPolicy } from '../sla/domain';
import { type CaseClockRow, CaseClocksRepository } from './case-clocks.repository';
import { CaseOutageCoverage } from './case-outage-coverage';
import { CasePolicies } from './case-policies';
import { CASE_TIMER_KIND, caseSlaEvents, type SlaCorrelation } from './case-sla-events';
import { stepClock } from './domain/clock-step';
import { tailoredClockOptions } from './domain/clock-tailoring';
import { changedPolicyIds, clockInputs, restoreVerdict, type StoredInput } from './domain/stored-clock';

export interface StepOptions {
  /** The input that made this step, named by a withdrawal's reason. */
  cause?: StoredInput;
  correlation?: SlaCorrelation;
  /** The clock's own timer fired: it must be set again for the next instant (the runner removes it otherwise). */
  fired?: { late: boolean };
}

/** What the timer handler needs to find a clock again, and to publish in the name of what set it. */
export interface CaseTimerPayload extends SlaCorrelation {
  caseId: string;
  policyId: string;
}

/**
 * Carries out one step of a locked case clock, in the caller's transaction: replays it, stores what
 * it derived, adds its `sla.*` events to the outbox, and sets its one timer at the next instant
 * (its next warn point or due time) or cancels it.
 */
@Injectable()
export class CaseClockSteps {
  constructor(
    private readonly clocks: CaseClocksRepository,
    private readonly policies: CasePolicies,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
    private readonly outages: CaseOutageCoverage,
  ) {}

  async advance(manager: EntityManager, row: CaseClockRow, inputs: readonly StoredInput[], now: Date, options: StepOptions = {}): Promise<void> {
    const policy = await this.policies.policy(row.tenantId, row.standardsAt, row.policyId);
    // A policy changed to (a re-planned repair clock) is rebuilt as the clock's own: same standards, same tailoring.
    const changedTo = new Map<string, SlaPolicy>();
    for (const policyId of changedPolicyIds(inputs)) {
      changedTo.set(policyId, tailoredClockOptions(await this.policies.policy(row.tenantId, row.standardsAt, policyId), row.tailoring).policy);
    }
    const clock = SlaClock.replay(tailoredClockOptions(policy, row.tailoring), clockInputs(inputs, changedTo));
    const step = stepClock(clock, row.published.map(restoreVerdict), now, { firedLate: options.fired?.late ?? false });
    const correlation = options.correlation ?? {};
    await this.clocks.save(manager, row, inputs, step);
    const breach = step.publish.find(({ verdict }) => verdict.kind === 'breached')?.verdict;
    const outageId = breach && (await this.outages.covering(manager, row.tenantId, row.caseId, breach.at));
    // Every event carries the case's priority now; breaches and stops its region too, so compliance is reported per region.
    const facts = step.publish.length + step.withdraw.length > 0 ? await this.clocks.caseFacts(manager, row.tenantId, row.caseId) : undefined;
    const settles = step.publish.some(({ verdict }) => verdict.kind !== 'warned');
    const about = { ...(settles && facts?.region !== undefined && { region: facts.region }), ...(facts && { priority: facts.priority }) };
    await this.outbox.add(manager, caseSlaEvents(row.tenantId, row.caseId, step, correlation, options.cause, outageId, about));

    const ref = { tenantId: row.tenantId, kind: CASE_TIMER_KIND, key: `${row.caseId}/${row.policyId}` };
    if (step.nextAt && (options.fired || step.nextAt.getTime() !== row.nextAt?.getTime())) {
      const payload: CaseTimerPayload = { caseId: row.caseId, policyId: row.policyId, ...correlation };
      await this.timers.set(manager, { ...ref, dueAt: step.nextAt, payload: { ...payload } });
    } else if (!step.nextAt && row.nextAt) {
      await this.timers.cancel(manager, ref);
    }
  }
}
