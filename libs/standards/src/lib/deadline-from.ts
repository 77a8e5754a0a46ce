import type { DeadlineStandard } from './standard';

/**
 * When a deadline falls: `start` plus the standard's seconds, wall-clock (business hours are not
 * in scope). `deadlineFrom(answeredAt, standards.standard('answer-time'))`.
 */
export function deadlineFrom(start: Date, standard: Pick<DeadlineStandard, 'kind' | 'seconds'>): Date {
  if (Number.isNaN(start.getTime())) {
    throw new RangeError('deadlineFrom needs a valid start date');
  }
  if (standard.kind !== 'deadline') {
    throw new TypeError(`deadlineFrom needs a deadline standard, got a ${String(standard.kind)} standard`);
  }
  return new Date(start.getTime() + standard.seconds * 1000);
}
