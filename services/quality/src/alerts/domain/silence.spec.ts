import { groupKeyOf } from './grouping';
import { inhibitingOutage } from './inhibition';
import { isActive, matchesAll, type Silence, silencing } from './silence';

const now = Date.parse('2026-11-30T09:00:00Z');

describe('silences', () => {
  const s = (over: Partial<Silence>): Silence => ({ silenceId: 's', matchers: [{ label: 'queue', op: '=', value: 'billing' }], startsAt: now - 1000, endsAt: now + 1000, expiredAt: null, ...over });

  it('match when every matcher does; a missing label is empty', () => {
    expect(matchesAll([{ label: 'queue', op: '=', value: 'billing' }, { label: 'region', op: '!=', value: 'north' }], { queue: 'billing' })).toBe(true);
    expect(matchesAll([{ label: 'queue', op: '=', value: 'billing' }], { queue: 'faults' })).toBe(false);
    expect(matchesAll([{ label: 'region', op: '=', value: '' }], {})).toBe(true);
  });

  it('hold from start to end, or until expired early', () => {
    expect(isActive(s({}), now)).toBe(true);
    expect(isActive(s({ startsAt: now + 1 }), now)).toBe(false);
    expect(isActive(s({ endsAt: now }), now)).toBe(false);
    expect(isActive(s({ expiredAt: now - 1 }), now)).toBe(false);
    expect(silencing([s({ expiredAt: now - 1 }), s({ silenceId: 'live' })], { queue: 'billing' }, now)?.silenceId).toBe('live');
  });
});

describe('grouping', () => {
  it('keys the group by tenant and the groupBy labels, in a stable order', () => {
    expect(groupKeyOf('acme', ['rule', 'region'], { rule: 'sl', region: 'north', queue: 'billing' })).toBe('acme|region=north|rule=sl');
    expect(groupKeyOf('acme', ['region', 'rule'], { rule: 'sl', region: 'north', queue: 'faults' })).toBe('acme|region=north|rule=sl');
  });
});

describe('inhibition', () => {
  const kpi = { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8, windowSeconds: 300, minVolume: 20, scope: 'both' } as const;
  const outages = [{ outageId: 'outage:1', region: 'north' }];

  it('suppresses slips in a region with an open outage, and breaches the outage caused', () => {
    expect(inhibitingOutage(kpi, { queue: 'billing', region: 'north' }, outages)).toBe('outage:1');
    expect(inhibitingOutage(kpi, { queue: 'billing', region: 'south' }, outages)).toBeUndefined();
    expect(inhibitingOutage(kpi, { queue: 'billing' }, outages)).toBeUndefined();
    expect(inhibitingOutage({ kind: 'sla-breach', slaKinds: [], subjectTypes: [], priorities: [] }, { causedByOutage: 'true' }, [])).toBe('caused-by-outage');
  });

  it('never suppresses a low etiquette score', () => {
    expect(inhibitingOutage({ kind: 'low-score', below: 60 }, { region: 'north' }, outages)).toBeUndefined();
  });
});
