import type { KpiCondition } from './alert-rule';
import { type MinuteCounters, type MinuteSeries, sumWindow } from './window-counters';

/** What a rule found for one scope now: whether it holds, and the figures behind the verdict. */
export interface Verdict {
  firing: boolean;
  /** The measured value (a rate 0–1, or a count), null when the volume is under the minimum. */
  value: number | null;
  threshold: number;
  volume: number;
}

const rate = (num: number, den: number): number => (den === 0 ? 0 : num / den);

function metricOf(metric: 'serviceLevel' | 'abandonmentRate' | 'offered', c: MinuteCounters): number {
  switch (metric) {
    case 'serviceLevel':
      return rate(c.inTarget, c.offered);
    case 'abandonmentRate':
      return rate(c.abandoned, c.offered);
    case 'offered':
      return c.offered;
  }
}

/**
 * Judges a KPI condition over the scope's minutes at `nowMs`. Under the minimum volume a rule
 * never fires (too few contacts to mean anything), and so a quiet scope clears.
 */
export function evaluateKpiCondition(condition: KpiCondition, series: MinuteSeries, nowMs: number): Verdict {
  const windowMs = condition.windowSeconds * 1000;
  const current = sumWindow(series, nowMs, windowMs);
  if (condition.kind === 'kpi-threshold') {
    const volume = current.offered;
    if (volume < condition.minVolume) return { firing: false, value: null, threshold: condition.target, volume };
    const value = metricOf(condition.metric, current);
    const firing = condition.metric === 'serviceLevel' ? value < condition.target : value > condition.target;
    return { firing, value, threshold: condition.target, volume };
  }
  const previous = sumWindow(series, nowMs, windowMs, 1);
  const volume = current.offered;
  // Both windows need the volume: a change from or to almost nothing is noise.
  if (volume < condition.minVolume || previous.offered < condition.minVolume) return { firing: false, value: null, threshold: condition.factor, volume };
  // A rate of 0 has no factor: the smallest rate the window could show (one in its volume) stands in.
  const floor = (value: number, volume: number) => (condition.metric === 'offered' ? value : Math.max(value, 1 / volume));
  const now = metricOf(condition.metric, current);
  const before = metricOf(condition.metric, previous);
  const factor = condition.direction === 'rise' ? now / floor(before, previous.offered) : before / floor(now, current.offered);
  return { firing: factor >= condition.factor, value: factor, threshold: condition.factor, volume };
}
