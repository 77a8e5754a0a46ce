import type { CaseSignal } from '../../cases/case-signals';
import type { CaseTransition } from '../../cases/domain/service-case';
import { transitionSignals } from '../../cases/domain/transition-signals';

/** What a move the outage makes tells the case's clocks: the same as any move of the case (transition-signals.ts). */
export function moveSignals(tenantId: string, transition: CaseTransition): CaseSignal[] {
  return transitionSignals(transition).map((signal) => ({ tenantId, caseId: transition.caseId, signal, at: transition.at }));
}
