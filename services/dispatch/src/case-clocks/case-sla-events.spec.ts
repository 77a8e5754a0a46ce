import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { SlaClock, slaPolicyCatalogue } from '../sla/domain';
import { caseSlaEvents } from './case-sla-events';
import { stepClock } from './domain/clock-step';
import { signalInput } from './domain/stored-clock';

const MINUTE = 60_000;
const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
const t0 = new Date('2026-03-02T08:00:00Z');
const after = (ms: number): Date => new Date(t0.getTime() + ms);
const opened = SlaClock.create({ policy: catalogue['network-fault-response'] }).on('opened', t0);
const common = {
  subjectType: 'case',
  subjectId: 'fault:F-1',
  slaKind: 'response',
  startedAt: t0.toISOString(),
  deadline: after(15 * MINUTE).toISOString(),
  standardId: 'network-fault-response',
  standardVersion: '1',
  clause: '2.2',
};

describe('the sla.* events of a case clock step (valid against the contracts)', () => {
  it('publishes warnings then the breach about the case, correlated, each naming the standard and whether it is late', () => {
    // Judged at the due time: the breach is live, the warnings (minutes old) are late.
    const events = caseSlaEvents('acme', 'fault:F-1', stepClock(opened, [], after(15 * MINUTE)), { correlationId: 'corr-1', causationId: 'evt-1' });
    expect(events.map((e) => e.type)).toEqual(['sla.warned', 'sla.warned', 'sla.breached']);
    expect(events.every((e) => e.tenantid === 'acme' && e.subject === 'fault:F-1' && e.correlationid === 'corr-1' && e.causationid === 'evt-1')).toBe(true);
    expect(events[0].data).toEqual({ ...common, late: true, fraction: 0.5 });
    expect(events[2].data).toEqual({ ...common, late: false, breachedAt: after(15 * MINUTE).toISOString() });
  });

  it('withdraws what a late input took back, naming the input in its reason', () => {
    const published = stepClock(opened, [], after(16 * MINUTE)).published;
    const cause = signalInput('stage:handling', after(10 * MINUTE));
    const events = caseSlaEvents('acme', 'fault:F-1', stepClock(opened.on(cause.signal, after(10 * MINUTE)), published, after(17 * MINUTE)), {}, cause);
    expect(events.map((e) => [e.type, (e.data as { withdraws?: string }).withdraws])).toEqual([
      ['sla.withdrawn', 'sla.warned'],
      ['sla.withdrawn', 'sla.breached'],
      ['sla.stopped', undefined],
    ]);
    expect(events[1].data).toMatchObject({ ...common, reason: `network-fault-response: stage:handling at ${after(10 * MINUTE).toISOString()} took back the breach of ${after(15 * MINUTE).toISOString()}` });
    expect(events[1].correlationid).toBeUndefined();
  });

  it('publishes the stop, met or breached, with the counted time and the case region on stops and breaches', () => {
    const inTime = caseSlaEvents('acme', 'fault:F-1', stepClock(opened.on('stage:handling', after(5 * MINUTE)), [], after(5 * MINUTE)), {}, undefined, undefined, { region: 'beijing' });
    expect(inTime.map((e) => e.type)).toEqual(['sla.stopped']);
    expect(inTime[0].data).toEqual({ ...common, late: false, region: 'beijing', outcome: 'met', stoppedAt: after(5 * MINUTE).toISOString(), countedSeconds: 300 });

    const breached = stepClock(opened, [], after(16 * MINUTE));
    expect(caseSlaEvents('acme', 'fault:F-1', breached, {}, undefined, undefined, { region: 'beijing' })[2].data).toMatchObject({ region: 'beijing' });
    const late = caseSlaEvents('acme', 'fault:F-1', stepClock(opened.on('stage:handling', after(20 * MINUTE)), breached.published, after(20 * MINUTE)), {});
    expect(late.map((e) => [e.type, (e.data as { outcome?: string }).outcome])).toEqual([['sla.stopped', 'breached']]);
    expect(late[0].data).not.toHaveProperty('region');
  });

  it('carries the case priority on every event, and leaves out one outside P1–P4', () => {
    const breached = stepClock(opened, [], after(16 * MINUTE));
    const events = caseSlaEvents('acme', 'fault:F-1', breached, {}, undefined, undefined, { priority: 'P1' });
    expect(events.map((e) => [e.type, (e.data as { priority?: string }).priority])).toEqual([
      ['sla.warned', 'P1'],
      ['sla.warned', 'P1'],
      ['sla.breached', 'P1'],
    ]);
    expect(caseSlaEvents('acme', 'fault:F-1', breached, {}, undefined, undefined, { priority: 'urgent' })[2].data).not.toHaveProperty('priority');
  });
});
