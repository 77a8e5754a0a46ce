import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CorrelationContext } from '@hotline/messaging';
import type { Clock } from '@hotline/timers';
import { regionKey, type RegionSetting } from '../regions/domain/region';
import { RegionSwitches } from '../regions/region-switches';
import { CaseClocksRepository } from './case-clocks.repository';
import { CASE_CLOCKS_NOW } from './case-clocks-now';
import { CaseClockSteps } from './case-clock-steps';
import { policyInput } from './domain/stored-clock';

const REPAIR_POLICIES = ['fault-repair-town', 'fault-repair-rural'];

/**
 * A region named rural (72 h) or a town's (48 h) re-plans the running and paused repair clocks of
 * its cases, in the transaction of the change: each gets the other policy from that instant, the
 * time already elapsed and paused kept, its timer moved (a clock past the new due time breaches at
 * once). Cases are locked in key order, as signals lock them, so no two transactions wait in a cycle.
 */
@Injectable()
export class RepairClockReplans implements OnModuleInit {
  private registered = false;

  constructor(
    private readonly switches: RegionSwitches,
    private readonly clocks: CaseClocksRepository,
    private readonly steps: CaseClockSteps,
    @Inject(CASE_CLOCKS_NOW) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
    if (this.registered) return;
    this.registered = true;
    this.switches.register((manager, setting) => this.replan(manager, setting));
  }

  async replan(manager: EntityManager, { tenantId, region, rural, updatedAt }: RegionSetting): Promise<void> {
    const target = rural ? 'fault-repair-rural' : 'fault-repair-town';
    const { correlationId } = CorrelationContext.current() ?? {};
    const caseIds = await this.clocks.casesWithLiveClocks(manager, tenantId, REPAIR_POLICIES, regionKey(region));
    for (const caseId of caseIds.sort((a, b) => (JSON.stringify([tenantId, a]) < JSON.stringify([tenantId, b]) ? -1 : 1))) {
      for (const row of await this.clocks.lockCase(manager, tenantId, caseId)) {
        if (!REPAIR_POLICIES.includes(row.policyId)) continue;
        const current = row.inputs.findLast((input) => input.signal === 'policy_changed')?.policyId ?? row.policyId;
        if (current === target) continue;
        const input = policyInput(target, updatedAt);
        await this.steps.advance(manager, row, [...row.inputs, input], this.clock.now(), { cause: input, correlation: { correlationId } });
      }
    }
  }
}
