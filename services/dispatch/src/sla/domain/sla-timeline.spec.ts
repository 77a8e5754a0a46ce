import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { SlaClock } from './sla-clock';
import { slaPolicyCatalogue } from './sla-policy-catalogue';
import { formatMs, slaTimeline } from './sla-timeline';

const HOUR = 3_600_000;
const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
const t0 = new Date('2026-03-02T08:00:00Z');
const after = (ms: number): Date => new Date(t0.getTime() + ms);

describe('slaTimeline', () => {
  const clock = SlaClock.create({ policy: catalogue['fault-repair-town'] })
    .on('opened', t0)
    .on('waiting_on_customer', after(10 * HOUR))
    .on('customer_replied', after(20 * HOUR))
    .on('resolved', after(70 * HOUR))
    .on('reopened', after(80 * HOUR));

  it('explains every run: what started, paused, resumed and stopped it, and when it warned and breached', () => {
    const timeline = slaTimeline(clock, after(81 * HOUR));
    expect(timeline.map(({ at, event, run, signal }) => [at, event, run, signal])).toEqual([
      [t0.toISOString(), 'sla.started', 1, 'opened'],
      [after(10 * HOUR).toISOString(), 'sla.paused', 1, 'waiting_on_customer'],
      [after(20 * HOUR).toISOString(), 'sla.resumed', 1, 'customer_replied'],
      [after(34 * HOUR).toISOString(), 'sla.warned', 1, undefined],
      [after(48.4 * HOUR).toISOString(), 'sla.warned', 1, undefined],
      [after(58 * HOUR).toISOString(), 'sla.breached', 1, undefined],
      [after(70 * HOUR).toISOString(), 'sla.stopped', 1, 'resolved'],
      [after(80 * HOUR).toISOString(), 'sla.reset', 1, 'reopened'],
      [after(80 * HOUR).toISOString(), 'sla.started', 2, 'reopened'],
    ]);
  });

  it('names the standard, version and clause on every entry, and says it in words', () => {
    const timeline = slaTimeline(clock, after(81 * HOUR));
    for (const entry of timeline) {
      expect(entry).toMatchObject({ policyId: 'fault-repair-town', slaKind: 'repair', standardId: 'fault-repair-town', version: '1', clause: '1.3' });
    }
    expect(timeline.find((entry) => entry.event === 'sla.paused')?.summary).toBe('fault-repair-town clock paused by waiting_on_customer (10 h of 2 d counted)');
    expect(timeline.find((entry) => entry.event === 'sla.stopped')).toMatchObject({
      inTime: false,
      dueAt: after(58 * HOUR).toISOString(),
      summary: 'fault-repair-town clock stopped by resolved (2 d 12 h of 2 d counted, 10 h paused), late',
    });
    expect(timeline.find((entry) => entry.event === 'sla.breached')?.summary).toBe('fault-repair-town: breached, the budget ran out');
  });

  it('shows only what had happened by the instant asked about', () => {
    expect(slaTimeline(clock, after(15 * HOUR)).map((entry) => entry.event)).toEqual(['sla.started', 'sla.paused']);
  });

  it('is JSON as it stands', () => {
    const timeline = slaTimeline(clock, after(81 * HOUR));
    expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
  });
});

describe('formatMs', () => {
  it.each([
    [0, '0 s'],
    [30_000, '30 s'],
    [15 * 60_000, '15 min'],
    [10.5 * HOUR, '10 h 30 min'],
    [52 * HOUR, '2 d 4 h'],
  ])('%i ms is %s', (ms, text) => expect(formatMs(ms)).toBe(text));
});
