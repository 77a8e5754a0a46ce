import { isSlaSignal, type SlaSignal } from '../../sla/domain';
import type { CaseTransition } from './service-case';

/**
 * What a move tells the case's SLA clocks, in order: the stage it reached (`stage:handling`, …),
 * then the resolution (handling → follow_up); a move to reopened or cancelled is that signal itself.
 */
export function transitionSignals({ to, resolves }: Pick<CaseTransition, 'to' | 'resolves'>): SlaSignal[] {
  if (to === 'reopened' || to === 'cancelled') return [to];
  const stage = `stage:${to}`;
  const signals: SlaSignal[] = isSlaSignal(stage) ? [stage] : [];
  if (resolves) signals.push('resolved');
  return signals;
}
