import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { SlaClock, slaPolicyCatalogue } from '../../sla/domain';
import { tailoredClockOptions } from './clock-tailoring';
import { changedPolicyIds, clockInputs, hasInput, policyInput, signalInput } from './stored-clock';

const HOUR = 3_600_000;
const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
const repair = catalogue['fault-repair-town']; // 48 h, a regulatory floor: its ceiling is 48 h on the wall clock
const weekdays = { monday: [{ from: '09:00', to: '17:00' }], tuesday: [{ from: '09:00', to: '17:00' }], wednesday: [{ from: '09:00', to: '17:00' }], thursday: [{ from: '09:00', to: '17:00' }], friday: [{ from: '09:00', to: '17:00' }] };
const calendar = { timeZone: 'Asia/Shanghai', weeklyHours: weekdays, holidays: ['2026-03-09'] };
const at = (iso: string) => new Date(iso);

describe('tailoredClockOptions: a case clock as its tenant tailored it when it was created', () => {
  it('is the standards’ policy on 24/7 without a tailoring', () => {
    expect(tailoredClockOptions(repair, null)).toEqual({ policy: repair });
    expect(tailoredClockOptions(repair, {})).toEqual({ policy: repair });
  });

  it('counts business hours on the stored calendar: 4 h from Friday 15:00 skips the weekend and a Monday holiday', () => {
    // Equipment-fault response: 4 h, a Hotline default with no floor under it.
    const options = tailoredClockOptions(catalogue['equipment-fault-response'], { calendarId: 'office', calendar });
    expect(options.policy.calendar).toBe('business-hours');
    const clock = SlaClock.replay(options, clockInputs([signalInput('opened', at('2026-03-06T15:00:00+08:00'))]));
    expect(clock.dueAt()).toEqual(at('2026-03-10T11:00:00+08:00'));
  });

  it('warns at the stored points, and at the policy’s default points without them', () => {
    const opened = clockInputs([signalInput('opened', at('2026-03-06T00:00:00Z'))]);
    const tailored = SlaClock.replay(tailoredClockOptions(repair, { warnPoints: [0.25] }), opened);
    expect(tailoredClockOptions(repair, { warnPoints: [0.25] }).policy.warnPoints).toEqual([0.25]);
    expect(tailored.warnAt(0.25)).toEqual(at('2026-03-06T12:00:00Z'));
    expect(tailoredClockOptions(repair, { priority: 'P1' }).policy.warnPoints).toEqual([0.5, 0.8]);
  });

  it('keeps a floor’s wall-clock ceiling on business hours: 48 h of working time is still due within 48 h', () => {
    const clock = SlaClock.replay(tailoredClockOptions(repair, { calendar }), clockInputs([signalInput('opened', at('2026-03-06T15:00:00+08:00'))]));
    expect(clock.due()).toEqual({ at: at('2026-03-08T15:00:00+08:00'), by: 'ceiling' });
  });

  it('budgets by the case’s priority, never past the policy’s own budget', () => {
    const options = tailoredClockOptions(repair, { priority: 'P1', budgetByPriority: { P1: 4 * HOUR, P4: 100 * HOUR } });
    expect(options.priority).toBe('P1');
    expect(options.policy.budgetByPriority).toEqual({ P1: 4 * HOUR, P4: 48 * HOUR });
  });

  it('replays a stored priority change as a re-budget that keeps the elapsed time', () => {
    const options = tailoredClockOptions(repair, { priority: 'P3', budgetByPriority: { P1: 4 * HOUR } });
    const t0 = at('2026-03-02T08:00:00Z');
    const raised = signalInput('priority_changed', new Date(t0.getTime() + HOUR), 'P1');
    const clock = SlaClock.replay(options, clockInputs([signalInput('opened', t0), raised]));
    expect(clock.elapsed(new Date(t0.getTime() + HOUR))).toBe(HOUR);
    expect(clock.dueAt()).toEqual(new Date(t0.getTime() + 4 * HOUR));
    expect(clock.history().map((entry) => [entry.change, entry.signal, entry.priority])).toEqual([
      ['started', 'opened', 'P3'],
      ['rebudgeted', 'priority_changed', 'P1'],
    ]);
    // The same change re-sent is one input; a change to another priority at the same instant is another.
    expect(hasInput([raised], signalInput('priority_changed', new Date(raised.at), 'P1'))).toBe(true);
    expect(hasInput([raised], signalInput('priority_changed', new Date(raised.at), 'P2'))).toBe(false);
  });

  it('refuses a stored priority change without a priority', () => {
    expect(() => clockInputs([{ kind: 'signal', signal: 'priority_changed', at: 0 }])).toThrow(/names no priority/);
  });

  it('replays a stored policy change (a region named rural) as the same run under the other policy, elapsed time kept', () => {
    const t0 = at('2026-03-02T08:00:00Z');
    const stored = [signalInput('opened', t0), policyInput('fault-repair-rural', new Date(t0.getTime() + 10 * HOUR))];
    expect(changedPolicyIds(stored)).toEqual(['fault-repair-rural']);
    const clock = SlaClock.replay({ policy: repair }, clockInputs(stored, new Map([['fault-repair-rural', catalogue['fault-repair-rural']]])));
    expect(clock.policy().id).toBe('fault-repair-rural');
    expect(clock.elapsed(new Date(t0.getTime() + 10 * HOUR))).toBe(10 * HOUR);
    expect(clock.dueAt()).toEqual(new Date(t0.getTime() + 72 * HOUR));
    expect(clock.history().at(-1)).toMatchObject({ change: 'rebudgeted', signal: 'policy_changed', policyId: 'fault-repair-rural' });
    expect(() => clockInputs(stored)).toThrow(/names no policy/);
  });
});
