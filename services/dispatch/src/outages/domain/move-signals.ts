import type { CaseSignal } from '../../cases/case-signals';
import type { CaseTransition } from '../../cases/domain/service-case';
import { isSlaSignal } from '../../sla/domain/sla-signal';

/** What a move the outage makes tells the case's clocks: the stage it reached, and `resolved` for the resolution. */
export function moveSignals(tenantId: string, { caseId, to, resolves, at }: CaseTransition): CaseSignal[] {
  const stage = `stage:${to}`;
  const signals: CaseSignal[] = isSlaSignal(stage) ? [{ tenantId, caseId, signal: stage, at }] : [];
  if (resolves) signals.push({ tenantId, caseId, signal: 'resolved', at });
  return signals;
}
