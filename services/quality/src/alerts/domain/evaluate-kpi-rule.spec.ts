import type { KpiThresholdCondition, SuddenChangeCondition } from './alert-rule';
import { evaluateKpiCondition } from './evaluate-kpi-rule';
import { emptyMinute, type MinuteCounters, MINUTE_MS, sumWindow } from './window-counters';

const now = Date.parse('2026-11-30T09:07:30Z');
const minute = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00Z`);
const series = (entries: [string, Partial<MinuteCounters>][]) => new Map(entries.map(([at, c]) => [minute(at), { ...emptyMinute(), ...c }]));

const slRule: KpiThresholdCondition = { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8, windowSeconds: 300, minVolume: 20, scope: 'both' };

describe('sumWindow', () => {
  it('sums every minute the window touches, whole (the current one included), none before', () => {
    // 5 minutes back from 09:07:30 reach into 09:02: 09:02–09:07 count, 08:56–09:01 are the previous window.
    const s = series([['08:55', { offered: 1000 }], ['08:58', { offered: 100 }], ['09:02', { offered: 1 }], ['09:07', { offered: 2 }], ['09:08', { offered: 50 }]]);
    expect(sumWindow(s, now, 5 * MINUTE_MS).offered).toBe(3);
    expect(sumWindow(s, now, 5 * MINUTE_MS, 1).offered).toBe(100);
  });

  it('never holds less than the window: a 60 s window just past the minute still sees the minute before', () => {
    const s = series([['09:06', { offered: 7 }], ['09:07', { offered: 1 }], ['09:05', { offered: 500 }]]);
    expect(sumWindow(s, Date.parse('2026-11-30T09:07:02Z'), MINUTE_MS).offered).toBe(8);
    expect(sumWindow(s, Date.parse('2026-11-30T09:07:02Z'), MINUTE_MS, 1).offered).toBe(500);
    // Exactly on the minute, the window is the minute that just ended and the one starting.
    expect(sumWindow(s, Date.parse('2026-11-30T09:07:00Z'), MINUTE_MS).offered).toBe(8);
  });
});

describe('evaluateKpiCondition: kpi-threshold', () => {
  it('fires when service level is under target with the minimum volume', () => {
    const verdict = evaluateKpiCondition(slRule, series([['09:05', { offered: 20, inTarget: 10 }]]), now);
    expect(verdict).toEqual({ firing: true, value: 0.5, threshold: 0.8, volume: 20 });
  });

  it('never fires under the minimum volume, however bad', () => {
    expect(evaluateKpiCondition(slRule, series([['09:05', { offered: 19, inTarget: 0 }]]), now)).toMatchObject({ firing: false, value: null, volume: 19 });
  });

  it('clears at or above target', () => {
    expect(evaluateKpiCondition(slRule, series([['09:05', { offered: 20, inTarget: 16 }]]), now).firing).toBe(false);
  });

  it('judges only what is in the window now: old minutes (a backfill) do not count', () => {
    expect(evaluateKpiCondition(slRule, series([['08:00', { offered: 500, inTarget: 0 }]]), now).firing).toBe(false);
  });

  it('fires for abandonment over its target', () => {
    const rule: KpiThresholdCondition = { ...slRule, metric: 'abandonmentRate', target: 0.1 };
    expect(evaluateKpiCondition(rule, series([['09:06', { offered: 30, abandoned: 4 }]]), now)).toMatchObject({ firing: true, value: 4 / 30 });
  });
});

describe('evaluateKpiCondition: sudden-change', () => {
  const rise: SuddenChangeCondition = { kind: 'sudden-change', metric: 'offered', factor: 2, direction: 'rise', windowSeconds: 300, minVolume: 10, scope: 'both' };

  it('fires when the window is at least factor times the previous one', () => {
    const s = series([['09:01', { offered: 20 }], ['09:05', { offered: 40 }]]);
    expect(evaluateKpiCondition(rise, s, now)).toMatchObject({ firing: true, value: 2 });
  });

  it('needs the volume in both windows', () => {
    const s = series([['09:01', { offered: 5 }], ['09:05', { offered: 40 }]]);
    expect(evaluateKpiCondition(rise, s, now).firing).toBe(false);
  });

  it('measures a rise from a rate of 0 against one in the previous volume', () => {
    const abandonment: SuddenChangeCondition = { ...rise, metric: 'abandonmentRate', factor: 3 };
    const s = series([['09:01', { offered: 20 }], ['09:05', { offered: 20, abandoned: 1 }]]);
    expect(evaluateKpiCondition(abandonment, s, now)).toMatchObject({ firing: false, value: 1 });
    const worse = series([['09:01', { offered: 20 }], ['09:05', { offered: 20, abandoned: 4 }]]);
    expect(evaluateKpiCondition(abandonment, worse, now)).toMatchObject({ firing: true, value: 4 });
  });

  it('fires on a fall by the factor', () => {
    const fall: SuddenChangeCondition = { ...rise, direction: 'fall' };
    const s = series([['09:01', { offered: 60 }], ['09:05', { offered: 20 }]]);
    expect(evaluateKpiCondition(fall, s, now)).toMatchObject({ firing: true, value: 3 });
  });
});
