import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { PermanentFailure } from '@hotline/messaging';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import { breachKey, escalateOnBreach, stopOnWithdrawal } from '../domain/escalation';
import { chainPolicyForStandard } from '../domain/escalation-chain';
import { EscalationEffects } from '../escalation-effects';
import { EscalationRepository } from '../escalation.repository';

type Breach = KnownCloudEvent<'sla.breached'>;
type Withdrawal = KnownCloudEvent<'sla.withdrawn'>;

/**
 * A case's breach pages the first level of its policy's chain (the tenant's, or the built-in one);
 * the withdrawal of that breach stops the climb. Deadlines of contacts, complaints and incidents
 * are not cases: their breaches are for quality's alerts, not a case's chain. A breach is
 * remembered by what it timed and when it was due, so one re-sent under another id escalates once.
 */
@Injectable()
export class EscalateOnBreach {
  private readonly logger = new Logger(EscalateOnBreach.name);

  constructor(
    private readonly escalations: EscalationRepository,
    private readonly effects: EscalationEffects,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  async breached(manager: EntityManager, event: Breach): Promise<void> {
    const { subjectType, subjectId: caseId, standardId, standardVersion, slaKind, deadline, late, causedByOutage } = event.data;
    if (subjectType !== 'case') return;
    const tenantId = event.tenantid;
    const kase = await this.escalations.lockCase(manager, tenantId, caseId);
    // Dispatch breaches only cases it holds: one it does not know is a mistake worth a dead letter.
    if (!kase) throw new PermanentFailure(`sla.breached names case ${caseId}, which tenant ${tenantId} does not have`);
    const key = breachKey(standardId, slaKind, deadline);
    if (!(await this.escalations.firstSight(manager, tenantId, caseId, key, event.id))) return;
    const policyId = chainPolicyForStandard(standardId);
    const chain = await this.escalations.chain(manager, tenantId, policyId);
    const existing = await this.escalations.find(manager, tenantId, caseId);
    const at = this.clock.now();
    const outcome = escalateOnBreach(kase, existing, { tenantId, caseId, policyId, steps: chain.steps }, { key, standard: { standardId, standardVersion }, late: late === true, causedByOutage: causedByOutage === true }, at);
    if (!outcome) {
      this.logger.debug(`breach ${key} of case ${caseId} escalates nothing (stage ${kase.stage}, ${existing?.state ?? 'no'} escalation)`);
      return;
    }
    await this.effects.apply(manager, outcome, kase.escalationLevel, { tenantId, caseId, at, correlationId: event.correlationid ?? event.id, causationId: event.id });
  }

  async withdrawn(manager: EntityManager, event: Withdrawal): Promise<void> {
    const { subjectType, subjectId: caseId, standardId, slaKind, deadline, withdraws } = event.data;
    if (subjectType !== 'case' || withdraws !== 'sla.breached') return;
    const tenantId = event.tenantid;
    if (!(await this.escalations.lockCase(manager, tenantId, caseId))) return;
    const stopped = stopOnWithdrawal(await this.escalations.find(manager, tenantId, caseId), breachKey(standardId, slaKind, deadline), this.clock.now());
    if (!stopped) return;
    await this.effects.apply(manager, { escalation: stopped }, stopped.level, { tenantId, caseId, at: stopped.updatedAt, causationId: event.id });
  }
}
