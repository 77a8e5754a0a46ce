import type { SlaSignal } from '../../sla/domain';
import type { ServiceCase } from './service-case';

/**
 * What opening a case tells its SLA clocks: it opened, and — when its record is complete from the
 * start — that the record is done, so the record-completion clock stops before handling could start it.
 */
export function openingSignals(kase: ServiceCase): SlaSignal[] {
  return kase.recordClockStartsAt() === undefined ? ['opened', 'record_completed'] : ['opened'];
}
