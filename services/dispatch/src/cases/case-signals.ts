import type { EntityManager } from 'typeorm';
import type { SlaPriority, SlaSignal } from '../sla/domain';
import { openingSignals } from './domain/opening-signals';
import type { CaseTransition, PriorityChange, ServiceCase } from './domain/service-case';
import { transitionSignals } from './domain/transition-signals';

/** A fact about a case that its SLA clocks may start, pause, resume, stop or reset on. */
export interface CaseSignal {
  tenantId: string;
  caseId: string;
  signal: SlaSignal;
  /** When it happened (the event's or the injected clock's time), not when it was recorded. */
  at: Date;
  /** With 'priority_changed': the case's new priority (its clocks re-budget from then, keeping elapsed and paused time). */
  priority?: SlaPriority;
}

/**
 * Where the capabilities that work a case (cases, routing, complaints, outages) report what
 * happened to it, in the caller's transaction, so the case's SLA clocks follow. One port, so no
 * capability needs to know which clocks a case runs; case-clocks/ implements it (CaseClockSignals).
 */
export abstract class CaseSignals {
  abstract record(manager: EntityManager, signals: readonly CaseSignal[]): Promise<void>;
}

/** What opening a case tells its clocks, as the port takes it: at the case's opening. */
export function signalsOfOpening(kase: ServiceCase): CaseSignal[] {
  const { tenantId, caseId, openedAt } = kase.snapshot;
  return openingSignals(kase).map((signal) => ({ tenantId, caseId, signal, at: openedAt }));
}

/** What a move of a case tells its clocks, as the port takes it: whoever made the move (a person, an outage). */
export function signalsOfMove(tenantId: string, transition: CaseTransition): CaseSignal[] {
  return transitionSignals(transition).map((signal) => ({ tenantId, caseId: transition.caseId, signal, at: transition.at }));
}

/** What a priority change tells the case's clocks: re-budget from then, keeping elapsed and paused time. */
export function signalsOfPriorityChange(tenantId: string, change: PriorityChange): CaseSignal[] {
  return [{ tenantId, caseId: change.caseId, signal: 'priority_changed', at: change.at, priority: change.to as SlaPriority }];
}
