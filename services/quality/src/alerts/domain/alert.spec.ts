import { acknowledge, type Alert, AlertStateError, clear, escalate, pageable, resolve, seen } from './alert';

const t0 = Date.parse('2026-11-30T09:00:00Z');
const user = { id: 'sup-1', kind: 'user' as const };

function alert(over: Partial<Alert> = {}): Alert {
  return {
    alertId: 'a1', tenantId: 'acme', ruleId: 'r', scope: 'queue:billing', kind: 'kpi-threshold', severity: 'critical', summary: 's',
    labels: {}, groupKey: 'g', state: 'raised', silencedBy: null, inhibitedBy: null, paged: false, leaderId: null, count: 1,
    escalationLevel: 0, value: 0.5, threshold: 0.8, windowSeconds: 300, standardId: null, standardVersion: null, clause: null,
    startsAt: t0, lastSeenAt: t0, clearedSince: null, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
    ...over,
  };
}

describe('alert lifecycle', () => {
  it('a repeat bumps the count and last seen, nothing else', () => {
    const a = alert();
    expect(seen(a, { at: t0 + 1000, value: 0.4, threshold: 0.8 })).toEqual([]);
    expect(a).toMatchObject({ count: 2, lastSeenAt: t0 + 1000, value: 0.4, state: 'raised' });
  });

  it('resolves only once clear for resolveAfter, and a recurrence ends the clear spell', () => {
    const a = alert();
    expect(clear(a, t0 + 1000, 60_000)).toEqual({ history: [{ at: t0 + 1000, kind: 'cleared' }], resolvable: false });
    expect(clear(a, t0 + 30_000, 60_000).resolvable).toBe(false);
    expect(seen(a, { at: t0 + 40_000, value: 0.5, threshold: 0.8 }).map((h) => h.kind)).toEqual(['recurred']);
    expect(clear(a, t0 + 90_000, 60_000).resolvable).toBe(false);
    expect(clear(a, t0 + 150_000, 60_000).resolvable).toBe(true);
  });

  it('raised → acknowledged → resolved, acknowledging twice is a no-op, a resolved alert refuses both', () => {
    const a = alert();
    expect(acknowledge(a, user, t0 + 1).map((h) => h.kind)).toEqual(['acknowledged']);
    expect(acknowledge(a, user, t0 + 2)).toEqual([]);
    expect(resolve(a, 'manual', t0 + 3, user)[0]).toMatchObject({ kind: 'resolved', detail: { how: 'manual' } });
    expect(() => acknowledge(a, user, t0 + 4)).toThrow(AlertStateError);
    expect(() => resolve(a, 'manual', t0 + 4, user)).toThrow(AlertStateError);
    expect(resolve(a, 'auto', t0 + 4)).toEqual([]);
  });

  it('escalates an unacknowledged alert up to the rule’s last level only', () => {
    const a = alert({ paged: true });
    expect(escalate(a, 2, t0).length).toBe(1);
    expect(escalate(a, 2, t0).length).toBe(1);
    expect(escalate(a, 2, t0)).toEqual([]);
    expect(a.escalationLevel).toBe(2);
    const acked = alert({ state: 'acknowledged' });
    expect(escalate(acked, 2, t0)).toEqual([]);
  });

  it('pages only an open, unpaged, unsuppressed alert', () => {
    expect(pageable(alert())).toBe(true);
    expect(pageable(alert({ silencedBy: 's1' }))).toBe(false);
    expect(pageable(alert({ inhibitedBy: 'outage:1' }))).toBe(false);
    expect(pageable(alert({ paged: true }))).toBe(false);
  });
});
