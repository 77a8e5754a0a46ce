import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { BusinessCalendar } from './business-calendar';
import { SlaClock } from './sla-clock';
import { tailorSlaPolicy } from './sla-policy';
import { slaPolicyCatalogue } from './sla-policy-catalogue';
import { slaVerdicts, verdictChanges } from './sla-verdicts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
const t0 = new Date('2026-03-02T08:00:00Z');
const after = (ms: number): Date => new Date(t0.getTime() + ms);

describe('slaVerdicts', () => {
  const fault = SlaClock.create({ policy: catalogue['network-fault-response'] }).on('opened', t0);
  const standard = { standardId: 'network-fault-response', version: '1', clause: '2.2' };

  it('warns at each warn point and breaches at the due time, each naming the standard', () => {
    expect(slaVerdicts(fault, after(7 * MINUTE))).toEqual([]);
    expect(slaVerdicts(fault, after(20 * MINUTE))).toEqual([
      expect.objectContaining({ key: 'run 1/warned@0.5', kind: 'warned', at: after(7.5 * MINUTE), point: 0.5, deadline: after(15 * MINUTE), standard }),
      expect.objectContaining({ key: 'run 1/warned@0.8', kind: 'warned', at: after(12 * MINUTE), point: 0.8, standard }),
      expect.objectContaining({ key: 'run 1/breached', kind: 'breached', at: after(15 * MINUTE), by: 'budget', deadline: after(15 * MINUTE), standard }),
    ]);
  });

  it('records a stop in time, or late after a breach', () => {
    const inTime = fault.on('stage:handling', after(10 * MINUTE));
    expect(slaVerdicts(inTime, after(HOUR)).map(({ kind, inTime: ok }) => [kind, ok])).toEqual([
      ['warned', undefined],
      ['stopped', true],
    ]);
    const late = fault.on('stage:handling', after(20 * MINUTE));
    expect(slaVerdicts(late, after(HOUR)).at(-1)).toMatchObject({
      key: 'run 1/stopped',
      kind: 'stopped',
      at: after(20 * MINUTE),
      inTime: false,
      deadline: after(15 * MINUTE),
      slaKind: 'response',
      policyId: 'network-fault-response',
      startedAt: t0,
    });
  });

  it('uses the configured warn points', () => {
    const policy = tailorSlaPolicy(catalogue['network-fault-response'], { warnPoints: [0.9] });
    const clock = SlaClock.create({ policy }).on('opened', t0);
    expect(slaVerdicts(clock, after(14 * MINUTE)).map((verdict) => verdict.key)).toEqual(['run 1/warned@0.9']);
  });

  it("names the floor's standard when the floor's wall-clock ceiling is what ran out", () => {
    const officeDay = [{ from: '09:00', to: '17:00' }];
    const calendar = BusinessCalendar.of({ timeZone: 'Asia/Shanghai', weeklyHours: { monday: officeDay, tuesday: officeDay } });
    const policy = tailorSlaPolicy(catalogue['complaint-resolution'], { calendar: 'business-hours' });
    const clock = SlaClock.create({ policy, businessCalendar: calendar }).on('opened', t0);
    expect(slaVerdicts(clock, after(16 * 24 * HOUR)).find((verdict) => verdict.kind === 'breached')).toMatchObject({
      at: after(15 * 24 * HOUR),
      by: 'ceiling',
      standard: { standardId: 'complaint-reply', version: '1', clause: '1.3' },
    });
  });

  it('has nothing to say about a clock that never started', () => {
    expect(slaVerdicts(SlaClock.create({ policy: catalogue.answer }), after(HOUR))).toEqual([]);
  });
});

describe('verdictChanges', () => {
  const queued = SlaClock.create({ policy: catalogue.answer }).on('queued', t0);

  it('publishes each verdict once', () => {
    const first = verdictChanges(queued, [], after(20 * SECOND));
    expect(first.publish.map((verdict) => verdict.key)).toEqual(['run 1/warned@0.5']);
    const second = verdictChanges(queued, first.publish, after(40 * SECOND));
    expect(second.publish.map((verdict) => verdict.key)).toEqual(['run 1/warned@0.8', 'run 1/breached']);
    expect(second.withdraw).toEqual([]);
  });

  it('withdraws a breach that a late, earlier answer took back, and keeps the warnings that held', () => {
    const published = slaVerdicts(queued, after(40 * SECOND));
    const answered = queued.on('answered', after(28 * SECOND));
    const changes = verdictChanges(answered, published, after(41 * SECOND));
    expect(changes.withdraw.map((verdict) => verdict.key)).toEqual(['run 1/breached']);
    expect(changes.publish).toEqual([expect.objectContaining({ key: 'run 1/stopped', inTime: true })]);
  });

  it('leaves the verdicts of a run that ended in a reset alone', () => {
    const repair = SlaClock.create({ policy: catalogue['fault-repair-town'] }).on('opened', t0);
    const published = slaVerdicts(repair, after(50 * HOUR));
    const reopened = repair.on('resolved', after(60 * HOUR)).on('reopened', after(61 * HOUR));
    const changes = verdictChanges(reopened, published, after(62 * HOUR));
    expect(changes.withdraw).toEqual([]);
    expect(changes.publish).toEqual([]);
  });
});
